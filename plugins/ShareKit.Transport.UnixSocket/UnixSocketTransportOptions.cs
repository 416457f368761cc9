using System.Globalization;
using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Transport.UnixSocket;

/// <summary>
/// The transport's settings, read from <c>plugins:ShareKit.Transport.UnixSocket:settings</c> in plugins.json.
/// Every value arrives as a string (environment variables and <c>--section:key=value</c> arguments can override it).
/// </summary>
public sealed class UnixSocketTransportOptions
{
    /// <summary>Owner read and write: only the user running the node may connect.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>How many connections may wait to be accepted (setting <c>backlog</c>).</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>How long a connect may take before it fails with <see cref="TransportFailure.TimedOut"/> (setting <c>connectTimeoutSeconds</c>).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The permissions of the socket file a listener creates (setting <c>mode</c>, octal like <c>"0660"</c>).
    /// Connecting needs write permission on the file, so the default <c>0600</c> admits only the owner;
    /// <c>0660</c> admits the owner's group too.
    /// </summary>
    public UnixFileMode Mode { get; init; } = OwnerOnly;

    /// <summary>Reads the component's settings; a bad value throws <see cref="ConfigurationException"/> naming its JSON path.</summary>
    public static UnixSocketTransportOptions From(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Read(context.Settings, context.SettingsPath);
    }

    /// <summary>Reads <paramref name="settings"/>, found at <paramref name="path"/> in the configuration.</summary>
    public static UnixSocketTransportOptions Read(IConfiguration settings, string path)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new UnixSocketTransportOptions();
        return new UnixSocketTransportOptions
        {
            Backlog = ReadInt(settings, path, "backlog", defaults.Backlog, 1, 65535),
            ConnectTimeout = TimeSpan.FromSeconds(ReadInt(settings, path, "connectTimeoutSeconds", (int)defaults.ConnectTimeout.TotalSeconds, 1, 3600)),
            Mode = ReadMode(settings, path, defaults.Mode),
        };
    }

    private static int ReadInt(IConfiguration settings, string path, string key, int fallback, int min, int max)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException($"{path}:{key}", $"'{text}' is not allowed; use a whole number from {min} to {max}.");
    }

    private static UnixFileMode ReadMode(IConfiguration settings, string path, UnixFileMode fallback)
    {
        var text = settings["mode"]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        var digits = text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        var mode = 0;
        var valid = digits.Length is >= 3 and <= 4;
        foreach (var c in digits)
        {
            valid &= c is >= '0' and <= '7';
            mode = (mode * 8) + (c - '0');
        }

        if (!valid || mode > 0x1FF)
        {
            throw new ConfigurationException(
                $"{path}:mode",
                $"'{text}' is not a file mode; use octal permissions from 0000 to 0777 such as \"0600\" (owner only) or \"0660\" (owner and group).");
        }

        if (((UnixFileMode)mode & UnixFileMode.UserWrite) == 0)
        {
            throw new ConfigurationException($"{path}:mode", $"'{text}' would lock out the node's own user; include owner write (e.g. \"0600\").");
        }

        return (UnixFileMode)mode;
    }
}
