using Makaretu.Dns;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>The DNS-SD names ShareKit uses (RFC 6763).</summary>
internal static class ServiceNames
{
    /// <summary>Bit 15 of the class: cache-flush in answers (RFC 6762 §10.2), unicast-response in questions (§5.4).</summary>
    public const ushort TopBit = 0x8000;

    public static readonly DomainName ServiceType = new("_sharekit._tcp.local");

    /// <summary>The DNS-SD service type enumeration name (RFC 6763 §9).</summary>
    public static readonly DomainName ServiceEnumeration = new("_services._dns-sd._udp.local");

    /// <summary>DNS labels are at most 63 bytes; longer display names are cut between characters.</summary>
    public const int MaxLabelBytes = 63;

    public static DomainName Instance(string label) => new([label, "_sharekit", "_tcp", "local"]);

    /// <summary>A host name that cannot clash with the machine's own (which avahi or Bonjour may publish).</summary>
    public static DomainName HostFor(NodeId id) => new([$"sharekit-{id.Value[..12]}", "local"]);

    public static bool IsInstance(DomainName name) =>
        name.Labels.Count == 4 && new DomainName([.. name.Labels.Skip(1)]).Equals(ServiceType);

    public static string Label(string name)
    {
        var text = name.Length == 0 ? "sharekit" : name;
        while (System.Text.Encoding.UTF8.GetByteCount(text) > MaxLabelBytes)
        {
            text = text[..^(char.IsLowSurrogate(text[^1]) ? 2 : 1)];
        }

        return text;
    }

    /// <summary>The next name after a conflict: <c>name</c> → <c>name (2)</c> → <c>name (3)</c> (RFC 6763 §9 style).</summary>
    public static string NextName(string label)
    {
        var number = 2;
        var stem = label;
        var open = label.LastIndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && label.EndsWith(')') && int.TryParse(label.AsSpan(open + 2, label.Length - open - 3), out var current) && current >= 2)
        {
            number = current + 1;
            stem = label[..open];
        }

        var suffix = $" ({number})";
        return Label(stem + suffix) == stem + suffix ? stem + suffix : Label(stem[..Math.Max(1, stem.Length - suffix.Length)]) + suffix;
    }
}
