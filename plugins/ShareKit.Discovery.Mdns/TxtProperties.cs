using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>The TXT record of a ShareKit service: <c>id</c>, <c>v</c> (protocol version), <c>caps</c>, <c>fp</c> (RFC 6763 §6 key=value strings).</summary>
internal static class TxtProperties
{
    public static List<string> For(NodeAnnouncement node)
    {
        var strings = new List<string>
        {
            "id=" + node.Id.Value,
            "v=" + node.ProtocolVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (node.Capabilities.Count > 0)
        {
            strings.Add("caps=" + string.Join(',', node.Capabilities));
        }

        if (node.Fingerprint is { Length: > 0 } fp && Ascii.IsValid(fp))
        {
            strings.Add("fp=" + fp);
        }

        return strings;
    }

    public static Dictionary<string, string> Parse(IEnumerable<string> strings)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in strings)
        {
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? text : text[..eq];
            if (key.Length > 0 && !result.ContainsKey(key))
            {
                // RFC 6763 §6.4: only the first occurrence of a key counts.
                result[key] = eq < 0 ? string.Empty : text[(eq + 1)..];
            }
        }

        return result;
    }

    /// <summary>The node id a TXT record names, or a stable one made from the instance name for services without <c>id</c>.</summary>
    public static NodeId IdFrom(Dictionary<string, string> txt, string instance)
    {
        if (txt.TryGetValue("id", out var text) && NodeId.TryParse(text, out var id))
        {
            return id;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(instance.ToLowerInvariant()));
        return NodeId.Parse(Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }
}
