using System.Globalization;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>Writes LIST lines in the <c>ls -l</c> shape every client parses: mode, links, owner, group, size, date, name.</summary>
internal static class ListFormatter
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(180);

    public static void Append(StringBuilder output, FileEntry entry, string name, bool writable, DateTimeOffset now)
    {
        var mode = entry.IsDirectory
            ? writable ? "drwxr-xr-x" : "dr-xr-xr-x"
            : writable ? "-rw-r--r--" : "-r--r--r--";
        var modified = entry.LastModified.ToUniversalTime();
        var date = (now - modified).Duration() < RecentWindow
            ? modified.ToString("MMM dd HH:mm", CultureInfo.InvariantCulture)
            : modified.ToString("MMM dd  yyyy", CultureInfo.InvariantCulture);
        output.Append(CultureInfo.InvariantCulture, $"{mode} 1 ftp ftp {entry.Length,13} {date} {name}\r\n");
    }
}
