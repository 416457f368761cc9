using System.Globalization;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>Writes RFC 3659 MLSD/MLST entries: <c>type=file;size=…;modify=YYYYMMDDHHMMSS;perm=…;unique=…; name</c>.</summary>
internal static class MlsxFormatter
{
    public static readonly IReadOnlySet<string> AllFacts = new HashSet<string>(["type", "size", "modify", "perm", "unique"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The FEAT line: every fact, each marked * when enabled.</summary>
    public static string FeatureLine => "MLST type*;size*;modify*;perm*;unique*;";

    public static void Append(StringBuilder output, FileEntry entry, string name, string uniqueKey, bool writable, IReadOnlySet<string> facts)
    {
        if (facts.Contains("type"))
        {
            output.Append(entry.IsDirectory ? "type=dir;" : "type=file;");
        }

        if (facts.Contains("size"))
        {
            output.Append(CultureInfo.InvariantCulture, $"size={entry.Length};");
        }

        if (facts.Contains("modify"))
        {
            output.Append("modify=").Append(FormatTime(entry.LastModified)).Append(';');
        }

        if (facts.Contains("perm"))
        {
            output.Append("perm=").Append(entry.IsDirectory ? (writable ? "flcdmpe" : "el") : (writable ? "rawdf" : "r")).Append(';');
        }

        if (facts.Contains("unique"))
        {
            output.Append("unique=").Append(Unique(uniqueKey)).Append(';');
        }

        output.Append(' ').Append(name);
    }

    /// <summary>The RFC 3659 time-val: UTC, <c>YYYYMMDDHHMMSS</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>A stable id of a path (64-bit FNV-1a of its UTF-8 bytes, hex).</summary>
    private static string Unique(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
