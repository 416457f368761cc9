using Microsoft.Extensions.Configuration;
using ShareKit.Host.Node;
using ShareKit.Sdk;

namespace ShareKit.Host.Configuration;

/// <summary>The validated configuration of a node, read from plugins.json, environment and command line.</summary>
internal sealed record HostSettings(
    string SourceFile,
    NodeSettings Node,
    IReadOnlyList<PluginSettings> Plugins,
    EndpointSettings Endpoint,
    IReadOnlyList<ComponentSettings> Discovery,
    IReadOnlyList<ShareSettings> Shares,
    IReadOnlyList<ComponentSettings> Services);

/// <summary>The <c>node</c> section.</summary>
internal sealed record NodeSettings(string Name, string DataDirectory);

/// <summary>One entry of the <c>plugins</c> section: a plugin folder to load.</summary>
internal sealed record PluginSettings(string Name, bool Enabled, IConfigurationSection Settings, string SettingsPath);

/// <summary>The <c>endpoint</c> section: where the peer endpoint listens and the layers on its connections.</summary>
internal sealed record EndpointSettings(IReadOnlyList<Endpoint> Listen, IReadOnlyList<string> Layers);

/// <summary>A discovery mechanism or a service: a component name, on or off, and its settings.</summary>
internal sealed record ComponentSettings(string Name, bool Enabled, IConfigurationSection Settings, string SettingsPath);

/// <summary>One entry of the <c>shares</c> section.</summary>
internal sealed record ShareSettings(
    string Name,
    string Storage,
    ShareAccess Access,
    AcceptRule Accept,
    ConflictRule OnConflict,
    IConfigurationSection Settings,
    string SettingsPath);
