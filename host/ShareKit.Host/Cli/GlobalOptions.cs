using System.CommandLine;

namespace ShareKit.Host.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Path of plugins.json (default: ./plugins.json, then ~/.config/sharekit/plugins.json, then the one beside the program).",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log debug details and show stack traces of errors.",
        Recursive = true,
    };

    public static readonly Option<string?> PluginsDirectory = new("--plugins-dir")
    {
        Description = "Load plugins from this folder instead of plugins/ beside the program.",
        Recursive = true,
    };
}
