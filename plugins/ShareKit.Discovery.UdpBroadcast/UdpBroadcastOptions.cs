using System.Globalization;
using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Discovery.UdpBroadcast;

/// <summary>Settings of the <c>udp-broadcast</c> discovery (plugins.json <c>discovery:udp-broadcast:settings</c>).</summary>
internal sealed class UdpBroadcastOptions
{
    /// <summary>The UDP port every node sends to and listens on.</summary>
    public int Port { get; init; } = 53530;

    /// <summary>Seconds between periodic announcements (fractions allowed, for tests).</summary>
    public double IntervalSeconds { get; init; } = 30;

    /// <summary>How many missed intervals make receivers forget a node.</summary>
    public int ExpiryIntervals { get; init; } = 3;

    /// <summary>Interface names to use (e.g. <c>eth0</c>, <c>lo</c>); empty = every up, non-loopback interface.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>Whether to announce and listen over IPv6 link-local multicast too.</summary>
    public bool Ipv6 { get; init; } = true;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>How long a receiver keeps this node without a new packet.</summary>
    public TimeSpan Validity => Interval * ExpiryIntervals;

    /// <summary>Reads and checks the settings; a bad value names its JSON path.</summary>
    /// <exception cref="ConfigurationException">A setting is invalid.</exception>
    public static UdpBroadcastOptions FromSettings(IConfiguration settings, string settingsPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new UdpBroadcastOptions();
        return new UdpBroadcastOptions
        {
            Port = ReadInt(settings, settingsPath, "port", defaults.Port, 1, 65535),
            IntervalSeconds = ReadDouble(settings, settingsPath, "intervalSeconds", defaults.IntervalSeconds, 0.1, 3600),
            ExpiryIntervals = ReadInt(settings, settingsPath, "expiryIntervals", defaults.ExpiryIntervals, 1, 100),
            Interfaces = ReadList(settings, "interfaces"),
            Ipv6 = ReadBool(settings, settingsPath, "ipv6", defaults.Ipv6),
        };
    }

    private static int ReadInt(IConfiguration settings, string path, string key, int fallback, int min, int max)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigurationException($"{path}:{key}", $"'{text}' is not allowed: a whole number from {min} to {max}.");
        }

        return value;
    }

    private static double ReadDouble(IConfiguration settings, string path, string key, double fallback, double min, double max)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
        {
            throw new ConfigurationException($"{path}:{key}", $"'{text}' is not allowed: a number of seconds from {min} to {max}.");
        }

        return value;
    }

    private static bool ReadBool(IConfiguration settings, string path, string key, bool fallback)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new ConfigurationException($"{path}:{key}", $"'{text}' is not allowed: true or false.");
    }

    private static string[] ReadList(IConfiguration settings, string key)
    {
        var section = settings.GetSection(key);
        var children = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (children.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            // A single string ("eth0,wlan0") is accepted too: environment variables and --key=value cannot hold arrays easily.
            children.AddRange(section.Value.Split(','));
        }

        return [.. children.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
