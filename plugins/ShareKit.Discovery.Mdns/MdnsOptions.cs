using System.Globalization;
using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>Settings of the <c>mdns</c> discovery (plugins.json <c>discovery:mdns:settings</c>).</summary>
internal sealed class MdnsOptions
{
    /// <summary>Time to live of the records this node publishes, in seconds (RFC 6762 recommends 120 for host records).</summary>
    public int TtlSeconds { get; init; } = 120;

    /// <summary>Interface names to use; empty = every up, non-loopback, multicast-capable interface.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>Whether to run over IPv6 (ff02::fb) too.</summary>
    public bool Ipv6 { get; init; } = true;

    /// <summary>The UDP port; 5353 everywhere except in isolated tests.</summary>
    public int Port { get; init; } = 5353;

    public TimeSpan Ttl => TimeSpan.FromSeconds(TtlSeconds);

    /// <exception cref="ConfigurationException">A setting is invalid.</exception>
    public static MdnsOptions FromSettings(IConfiguration settings, string settingsPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new MdnsOptions();
        return new MdnsOptions
        {
            TtlSeconds = ReadInt(settings, settingsPath, "ttlSeconds", defaults.TtlSeconds, 1, 4500),
            Port = ReadInt(settings, settingsPath, "port", defaults.Port, 1, 65535),
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
            children.AddRange(section.Value.Split(','));
        }

        return [.. children.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
