using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>
/// Brings the index in line with the store for one folder (optionally its whole tree): adds what is new, replaces
/// files whose size or modification time changed, and drops what is gone. New folders are always scanned in full,
/// and reported to <paramref name="folderDiscovered"/>: a folder watcher arms its watch on a new folder only after
/// the folder appears, so files written into it in that gap raise no event and the folder must be looked at again.
/// </summary>
internal sealed class CatalogScanner(IFileStore store, CatalogIndex index, Action<FileEntry> fileAddedOrChanged, Action<StorePath> folderDiscovered)
{
    public async Task SyncAsync(StorePath folder, bool recursive, CancellationToken ct)
    {
        var listed = new List<FileEntry>();
        try
        {
            await foreach (var entry in store.ListAsync(folder, ct))
            {
                listed.Add(entry);
            }
        }
        catch (StoreNotFoundException)
        {
            if (folder.IsRoot)
            {
                foreach (var child in index.ChildPaths(folder))
                {
                    index.Remove(child);
                }
            }
            else
            {
                index.Remove(folder);
            }

            throw;
        }

        var gone = index.ChildPaths(folder);
        foreach (var entry in listed)
        {
            gone.Remove(entry.Path);
            var known = index.Get(entry.Path);
            if (entry.IsDirectory)
            {
                var isNew = known is null || !known.Entry.IsDirectory;
                index.Set(new CatalogRecord(new CatalogEntry(entry, MediaKind.Folder, null, null, null), Examined: true));
                if (isNew || recursive)
                {
                    await SyncAsync(entry.Path, recursive, ct);
                }

                if (isNew)
                {
                    folderDiscovered(entry.Path);
                }
            }
            else if (known is null || !known.IsSameVersion(entry))
            {
                fileAddedOrChanged(entry);
            }
        }

        foreach (var path in gone)
        {
            index.Remove(path);
        }
    }
}
