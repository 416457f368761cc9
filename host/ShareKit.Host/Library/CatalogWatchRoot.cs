using ShareKit.Host.Configuration;

namespace ShareKit.Host.Library;

/// <summary>
/// Where a share's files are on this machine, for watching them: only known for <c>local</c> shares, whose
/// <c>root</c> setting (default: the share's name) is a folder, relative to the data directory unless absolute.
/// </summary>
internal static class CatalogWatchRoot
{
    public static string? Resolve(ShareSettings share, string dataDirectory)
    {
        if (!string.Equals(share.Storage, "local", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = share.Settings["root"];
        if (root is null)
        {
            root = share.Name;
        }
        else if (string.IsNullOrWhiteSpace(root) || root.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        if (root == "~" || root.StartsWith("~/", StringComparison.Ordinal))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), root.TrimStart('~').TrimStart('/'));
        }

        var full = Path.GetFullPath(Path.Combine(dataDirectory, root));
        return Directory.Exists(full) ? full : null;
    }
}
