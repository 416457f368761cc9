using System.CommandLine;
using ShareKit.Host.Configuration;

namespace ShareKit.Host.Cli;

/// <summary><c>--layers</c>: which connection layers to use instead of plugins.json's <c>endpoint:layers</c> (<c>none</c> for plain).</summary>
internal static class LayerOption
{
    public static Option<string?> Create() => new("--layers")
    {
        Description = "Connection layers to use, comma-separated (default: endpoint:layers from plugins.json; 'none' for a plain connection on a trusted network).",
    };

    public static IReadOnlyList<string> Resolve(string? option, HostSettings settings) => option switch
    {
        null => settings.Endpoint.Layers,
        "none" or "" => [],
        _ => [.. option.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    };
}
