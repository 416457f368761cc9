using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>
/// Watches a share's folder on this machine and reports which store folder changed (the parent of whatever was
/// created, changed, deleted or renamed), or that events were lost and everything must be rescanned.
/// </summary>
internal sealed class FolderWatcher : IDisposable
{
    private readonly string root;
    private readonly Action<StorePath> folderChanged;
    private readonly Action eventsLost;
    private readonly FileSystemWatcher watcher;

    /// <exception cref="IOException">The folder cannot be watched (e.g. the system's watch limit is reached).</exception>
    /// <exception cref="ArgumentException">The folder does not exist.</exception>
    public FolderWatcher(string root, Action<StorePath> folderChanged, Action eventsLost)
    {
        this.root = Path.GetFullPath(root);
        this.folderChanged = folderChanged;
        this.eventsLost = eventsLost;
        watcher = new FileSystemWatcher(this.root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => Report(e.FullPath);
        watcher.Changed += (_, e) => Report(e.FullPath);
        watcher.Deleted += (_, e) => Report(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Report(e.OldFullPath);
            Report(e.FullPath);
        };
        watcher.Error += (_, _) => this.eventsLost();
        watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => watcher.Dispose();

    private void Report(string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return;
        }

        var folder = Path.GetDirectoryName(relative) ?? string.Empty;
        if (Path.DirectorySeparatorChar != '/')
        {
            folder = folder.Replace(Path.DirectorySeparatorChar, '/');
        }

        if (StorePath.TryParse(folder, out var path, out _))
        {
            folderChanged(path);
        }
        else
        {
            // A name the store cannot list; resync from the root so nothing is missed.
            eventsLost();
        }
    }
}
