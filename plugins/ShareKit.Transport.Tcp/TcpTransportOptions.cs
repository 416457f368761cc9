using System.Globalization;
using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Transport.Tcp;

/// <summary>Socket tuning read from <c>plugins:ShareKit.Transport.Tcp:settings</c>.</summary>
internal sealed record TcpTransportOptions
{
    // Far above any OS limit; the kernel clamps to its own maximum anyway, this only catches typos.
    private const int MaxBufferSize = 64 * 1024 * 1024;
    private const double MaxConnectTimeoutSeconds = 3600;

    /// <summary>Disables Nagle's algorithm so small protocol messages leave at once.</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>SO_SNDBUF in bytes; 0 keeps the OS default (which auto-tunes on Linux).</summary>
    public int SendBufferSize { get; init; }

    /// <summary>SO_RCVBUF in bytes; 0 keeps the OS default (which auto-tunes on Linux).</summary>
    public int ReceiveBufferSize { get; init; }

    /// <summary>How long one connect may take, all resolved addresses together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>SO_KEEPALIVE, so a vanished peer is noticed on idle connections.</summary>
    public bool KeepAlive { get; init; } = true;

    /// <summary>Reads and validates the settings section; a bad value names its JSON path.</summary>
    /// <exception cref="ConfigurationException">A value is not allowed.</exception>
    public static TcpTransportOptions FromSettings(IConfiguration settings, string settingsPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new TcpTransportOptions();
        return new TcpTransportOptions
        {
            NoDelay = ReadBool(settings, settingsPath, "noDelay", defaults.NoDelay),
            SendBufferSize = ReadBufferSize(settings, settingsPath, "sendBufferSize"),
            ReceiveBufferSize = ReadBufferSize(settings, settingsPath, "receiveBufferSize"),
            ConnectTimeout = ReadTimeout(settings, settingsPath, "connectTimeoutSeconds", defaults.ConnectTimeout),
            KeepAlive = ReadBool(settings, settingsPath, "keepAlive", defaults.KeepAlive),
        };
    }

    private static bool ReadBool(IConfiguration settings, string settingsPath, string key, bool fallback)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new ConfigurationException($"{settingsPath}:{key}", $"'{text}' is not allowed; use true or false.");
    }

    private static int ReadBufferSize(IConfiguration settings, string settingsPath, string key)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxBufferSize)
        {
            throw new ConfigurationException(
                $"{settingsPath}:{key}",
                $"'{text}' is not allowed; use a size in bytes from 0 (the OS default) to {MaxBufferSize}.");
        }

        return value;
    }

    private static TimeSpan ReadTimeout(IConfiguration settings, string settingsPath, string key, TimeSpan fallback)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= 0
            || seconds > MaxConnectTimeoutSeconds)
        {
            throw new ConfigurationException(
                $"{settingsPath}:{key}",
                $"'{text}' is not allowed; use a number of seconds above 0 and at most {MaxConnectTimeoutSeconds}.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
