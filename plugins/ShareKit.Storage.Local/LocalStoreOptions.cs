using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

/// <summary>The settings of one local share (<c>shares:&lt;name&gt;:settings</c>).</summary>
public sealed class LocalStoreOptions
{
    /// <summary>The share's folder; a relative path is relative to the node's data directory. Default: the share's name.</summary>
    public string Root { get; init; } = string.Empty;

    /// <summary>When true the share cannot be written through ShareKit (capabilities are <see cref="StoreCapabilities.None"/>).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Reads and checks the settings of the share in <paramref name="ctx"/>.</summary>
    /// <exception cref="ConfigurationException">A setting has a value that is not allowed.</exception>
    public static LocalStoreOptions From(ComponentContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var root = ctx.Settings["root"];
        if (root is null)
        {
            root = ctx.ComponentName;
        }
        else if (string.IsNullOrWhiteSpace(root) || root.Contains('\0', StringComparison.Ordinal))
        {
            throw new ConfigurationException($"{ctx.SettingsPath}:root", "a folder path is required (absolute, or relative to the data directory)");
        }

        if (root.StartsWith("~/", StringComparison.Ordinal))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), root[2..]);
        }

        var readOnly = false;
        var readOnlyText = ctx.Settings["readOnly"];
        if (readOnlyText is not null && !bool.TryParse(readOnlyText, out readOnly))
        {
            throw new ConfigurationException($"{ctx.SettingsPath}:readOnly", $"'{readOnlyText}' is not allowed; use true or false");
        }

        return new LocalStoreOptions
        {
            Root = Path.GetFullPath(Path.Combine(ctx.DataDirectory, root)),
            ReadOnly = readOnly,
        };
    }
}
