using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ShareKit.Sdk;

/// <summary>Everything the host hands a component factory: its settings, logging, the node, and other components.</summary>
public sealed class ComponentContext
{
    /// <summary>The name of the component being made: the share name for storage, the service name for services, the scheme or layer name otherwise.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The component's settings section from plugins.json (already overridden by environment and command line). Empty if none was given.</summary>
    public required IConfiguration Settings { get; init; }

    /// <summary>The JSON path of <see cref="Settings"/> in the configuration (e.g. <c>shares:library:settings</c>), for error messages.</summary>
    public required string SettingsPath { get; init; }

    /// <summary>The host's logger factory; create loggers with the component's own type as category.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }

    /// <summary>The running node this component belongs to.</summary>
    public required NodeIdentity Node { get; init; }

    /// <summary>The node's data directory (absolute, exists). Keep a component's own files in a subfolder named after it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Finds other components of the node: shares, transports and layers.</summary>
    public required IComponentResolver Components { get; init; }
}
