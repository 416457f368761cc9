namespace ShareKit.Host.Plugins;

/// <summary>What became of one configured plugin.</summary>
internal enum PluginState
{
    /// <summary>Loaded and registered its components.</summary>
    Loaded,

    /// <summary>Listed in plugins.json with <c>"enabled": false</c>.</summary>
    Disabled,

    /// <summary>Missing, unloadable, without an entry type, or threw while loading or registering.</summary>
    Failed,

    /// <summary>Built against another major version of the SDK.</summary>
    Incompatible,
}

/// <summary>The state of one plugin as <c>sharekit plugins</c> shows it.</summary>
internal sealed record PluginStatus(
    string Name,
    string? Version,
    string? Description,
    PluginState State,
    string? Reason,
    IReadOnlyList<string> Components);
