using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Turns the paths a user names into offer items: a file by its name, a folder with everything below it.</summary>
internal static class LocalItemScanner
{
    /// <exception cref="ShareKitException">A path is missing, unreadable, clashes with another, or cannot be named on the wire.</exception>
    public static List<LocalItem> Scan(IReadOnlyList<string> localPaths)
    {
        var items = new List<LocalItem>();
        var topNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in localPaths)
        {
            var full = Path.GetFullPath(given);
            var trimmed = full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar) : full;
            var name = Path.GetFileName(trimmed);
            if (File.Exists(trimmed))
            {
                AddTop(topNames, name, given);
                items.Add(FileItem(ToWirePath(name, given), new FileInfo(trimmed)));
            }
            else if (Directory.Exists(trimmed))
            {
                if (name.Length == 0)
                {
                    throw new ShareKitException($"Cannot send '{given}': name a folder inside it, not the file system root.");
                }

                AddTop(topNames, name, given);
                var dir = new DirectoryInfo(trimmed);
                items.Add(new LocalItem(new OfferedItem(ToWirePath(name, given), ItemKind.Dir, 0, dir.LastWriteTimeUtc), null));
                AddFolder(items, dir, name, given);
            }
            else
            {
                throw new ShareKitException($"Cannot send '{given}': no such file or folder.");
            }

            if (items.Count > PeerProtocol.MaxItems)
            {
                throw new ShareKitException($"Cannot send more than {PeerProtocol.MaxItems} files and folders at once; send the folders one by one.");
            }
        }

        return items;
    }

    private static void AddFolder(List<LocalItem> items, DirectoryInfo dir, string relative, string given)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = dir.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShareKitException($"Cannot read the folder '{dir.FullName}': {e.Message}", e);
        }

        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            // Links are skipped: following them could leave the folder the user chose, or loop.
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var path = ToWirePath(relative + "/" + entry.Name, given);
            if (entry is DirectoryInfo sub)
            {
                items.Add(new LocalItem(new OfferedItem(path, ItemKind.Dir, 0, sub.LastWriteTimeUtc), null));
                AddFolder(items, sub, path, given);
            }
            else if (entry is FileInfo file && IsRegular(file))
            {
                items.Add(FileItem(path, file));
            }

            if (items.Count > PeerProtocol.MaxItems)
            {
                throw new ShareKitException($"Cannot send more than {PeerProtocol.MaxItems} files and folders at once; '{given}' holds more.");
            }
        }
    }

    private static bool IsRegular(FileInfo file) =>
        (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0;

    private static LocalItem FileItem(string path, FileInfo file) =>
        new(new OfferedItem(path, ItemKind.File, file.Length, file.LastWriteTimeUtc), file.FullName);

    private static string ToWirePath(string relative, string given) =>
        StorePath.TryParse(relative, out var path, out var error)
            ? path.Value
            : throw new ShareKitException($"Cannot send '{relative}' (from '{given}'): the name is not allowed on the receiving side: {error}.");

    private static void AddTop(HashSet<string> names, string name, string given)
    {
        if (!names.Add(name))
        {
            throw new ShareKitException($"Two of the paths to send are named '{name}' ('{given}' and an earlier one); the receiver would get only one. Rename one or put them in a folder.");
        }
    }
}
