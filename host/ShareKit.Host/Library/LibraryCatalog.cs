using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>
/// The catalog of one public-read share. <see cref="Start"/> scans the store's folders (that is all listing waits
/// for), then two background queues examine files (kind sniffing, EPUB metadata and tags) and hash them. Facts are
/// kept per file version (path, size, modification time) in a cache file, so a restart re-reads nothing that did
/// not change. Changes are picked up from a folder watcher when the share is a folder on this machine, and from
/// periodic rescans in every case.
/// </summary>
internal sealed partial class LibraryCatalog : ILibraryCatalog, IAsyncDisposable
{
    private static readonly Comparison<CatalogRecord> FoldersFirstByName = (a, b) =>
    {
        if (a.Entry.IsDirectory != b.Entry.IsDirectory)
        {
            return a.Entry.IsDirectory ? -1 : 1;
        }

        var byName = string.Compare(a.Entry.Name, b.Entry.Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(a.Entry.Name, b.Entry.Name);
    };

    private readonly IFileStore store;
    private readonly string? watchRoot;
    private readonly CatalogCacheFile cacheFile;
    private readonly CatalogTiming timing;
    private readonly ILogger logger;
    private readonly CatalogIndex index = new();
    private readonly CatalogScanner scanner;
    private readonly WorkQueue examineQueue;
    private readonly WorkQueue hashQueue;
    private readonly HashSet<StorePath> dirtyFolders = [];
    private readonly SemaphoreSlim changed = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource listingReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task running = Task.CompletedTask;
    private Dictionary<string, CachedFacts> cached = [];
    private FolderWatcher? watcher;
    private volatile bool rescanAll;
    private volatile bool cacheDirty;
    private int started;

    public LibraryCatalog(string shareName, IFileStore store, string? watchRoot, CatalogCacheFile cacheFile, CatalogTiming timing, ILogger logger)
    {
        ShareName = shareName;
        this.store = store;
        this.watchRoot = watchRoot;
        this.cacheFile = cacheFile;
        this.timing = timing;
        this.logger = logger;
        scanner = new CatalogScanner(store, index, FileAddedOrChanged, NewFolderDiscovered);
        examineQueue = new WorkQueue(ExamineAsync, (path, e) => LogExamineFailed(logger, ShareName, path, e.Message));
        hashQueue = new WorkQueue(HashAsync, (path, e) => LogHashFailed(logger, ShareName, path, e.Message));
    }

    public string ShareName { get; }

    /// <summary>Completes when the first scan is done and listings are complete (hashing may still run).</summary>
    public Task ListingReady => listingReady.Task;

    /// <summary>Whether the share's folder is watched for changes (otherwise only periodic rescans see them).</summary>
    public bool IsWatching => watcher is not null;

    /// <summary>Files and folders known.</summary>
    public int Count => index.Count;

    /// <summary>Files waiting to be examined or hashed.</summary>
    public int PendingWork => examineQueue.Pending + hashQueue.Pending;

    /// <summary>Starts scanning and the background work; returns at once.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            return;
        }

        var ct = stopping.Token;
        running = Task.Run(() => RunAsync(ct), CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref started, 2) != 1)
        {
            return;
        }

        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, ShareName, e.Message);
        }

        await SaveCacheAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        // The semaphore stays undisposed: a watcher thread may still signal it while the watcher shuts down.
        stopping.Dispose();
    }

    public async ValueTask<CatalogPage> BrowseAsync(StorePath folder, int offset, int limit, CancellationToken ct)
    {
        CheckPaging(offset, limit);
        await ListingReady.WaitAsync(ct);
        var children = index.Children(folder);
        if (children is null)
        {
            var what = index.Get(folder) is { Entry.IsDirectory: false } ? "is a file, not a folder" : "does not exist";
            throw new StoreNotFoundException(folder, $"{folder.ToDisplayString()} {what} in the library '{ShareName}'.");
        }

        children.Sort(FoldersFirstByName);
        return Page(children.Select(r => r.Entry), children.Count, offset, limit);
    }

    public async ValueTask<CatalogPage> SearchAsync(CatalogQuery query, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPaging(offset, limit);
        await ListingReady.WaitAsync(ct);
        var words = CatalogSearch.Words(query.Words);
        var scored = new List<(CatalogEntry Entry, int Score)>();
        index.Where(record =>
        {
            var score = CatalogSearch.Score(record.Entry, query, words);
            if (score >= 0)
            {
                scored.Add((record.Entry, score));
            }

            return false;
        });
        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Entry.Path.CompareTo(b.Entry.Path));
        return Page(scored.Select(s => s.Entry), scored.Count, offset, limit);
    }

    public async ValueTask<CatalogEntry?> GetAsync(StorePath path, CancellationToken ct)
    {
        if (path.IsRoot)
        {
            var root = await store.StatAsync(path, ct);
            return root is null ? null : new CatalogEntry(root, MediaKind.Folder, null, null, null);
        }

        await ListingReady.WaitAsync(ct);
        return index.Get(path)?.Entry;
    }

    private static CatalogPage Page(IEnumerable<CatalogEntry> ordered, int total, int offset, int limit) =>
        new([.. ordered.Skip(offset).Take(limit)], total);

    private static void CheckPaging(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        cached = cacheFile.Load();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await scanner.SyncAsync(StorePath.Root, recursive: true, ct);
            LogScanned(logger, ShareName, index.Count, clock.ElapsedMilliseconds);
        }
        catch (ShareKitException e)
        {
            LogScanFailed(logger, ShareName, e.Message);
        }
        finally
        {
            listingReady.TrySetResult();
        }

        StartWatching();
        try
        {
            await Task.WhenAll(examineQueue.RunAsync(ct), hashQueue.RunAsync(ct), SaveLoopAsync(ct), RescanLoopAsync(ct));
        }
        finally
        {
            watcher?.Dispose();
        }
    }

    private void StartWatching()
    {
        if (watchRoot is null)
        {
            return;
        }

        try
        {
            watcher = new FolderWatcher(watchRoot, FolderChanged, () =>
            {
                rescanAll = true;
                changed.Release();
            });
            LogWatching(logger, ShareName, watchRoot);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            LogCannotWatch(logger, ShareName, watchRoot, e.Message, timing.RescanWhenNotWatched.TotalSeconds);
        }
    }

    /// <summary>With a watcher, a new folder is synced once more after the settle time (see <see cref="CatalogScanner"/>).</summary>
    private void NewFolderDiscovered(StorePath folder)
    {
        if (watcher is not null)
        {
            FolderChanged(folder);
        }
    }

    private void FolderChanged(StorePath folder)
    {
        lock (dirtyFolders)
        {
            dirtyFolders.Add(folder);
        }

        changed.Release();
    }

    private async Task RescanLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var period = watcher is null ? timing.RescanWhenNotWatched : timing.RescanWhenWatched;
            var signalled = await changed.WaitAsync(period, ct);
            if (signalled)
            {
                // Let a burst of events (a copy in progress, a folder moved in) settle into one rescan.
                await Task.Delay(timing.Settle, ct);
            }

            while (changed.Wait(0, CancellationToken.None))
            {
            }

            StorePath[] folders;
            lock (dirtyFolders)
            {
                folders = [.. dirtyFolders];
                dirtyFolders.Clear();
            }

            var everything = !signalled || rescanAll;
            rescanAll = false;
            await SyncAsync(everything ? [StorePath.Root] : folders, recursive: everything, ct);
        }
    }

    private async Task SyncAsync(StorePath[] folders, bool recursive, CancellationToken ct)
    {
        foreach (var folder in folders)
        {
            try
            {
                await scanner.SyncAsync(folder, recursive, ct);
            }
            catch (StoreNotFoundException) when (!folder.IsRoot)
            {
                // The folder went away; the scanner dropped it, and its parent's rescan confirms it.
                FolderChanged(folder.Parent);
            }
            catch (ShareKitException e)
            {
                LogScanFailed(logger, ShareName, e.Message);
            }
        }
    }

    private void FileAddedOrChanged(FileEntry file)
    {
        if (cached.TryGetValue(file.Path.Value, out var facts) && facts.Describes(file))
        {
            index.Set(new CatalogRecord(new CatalogEntry(file, facts.Kind, facts.Title, facts.Author, facts.ContentHash), Examined: true));
            if (facts.ContentHash is null)
            {
                hashQueue.Enqueue(file.Path);
            }

            return;
        }

        index.Set(new CatalogRecord(new CatalogEntry(file, ExtensionKinds.Of(file.Name), null, null, null), Examined: false));
        cacheDirty = true;
        examineQueue.Enqueue(file.Path);
    }

    private async Task ExamineAsync(StorePath path, CancellationToken ct)
    {
        var record = index.Get(path);
        if (record is null || record.Entry.IsDirectory || record.Examined)
        {
            return;
        }

        var file = record.Entry.File;
        var (kind, metadata) = await FileExaminer.ExamineAsync(store, file, ct);
        if (index.TryUpdate(file, r => new CatalogRecord(r.Entry with { Kind = kind, Title = metadata.Title, Author = metadata.Author }, Examined: true)))
        {
            cacheDirty = true;
            hashQueue.Enqueue(path);
        }
    }

    private async Task HashAsync(StorePath path, CancellationToken ct)
    {
        var record = index.Get(path);
        if (record is null || record.Entry.IsDirectory || record.Entry.ContentHash is not null)
        {
            return;
        }

        var file = record.Entry.File;
        var hash = await ContentHasher.HashAsync(store, path, ct);

        // A file rewritten while it was read must not get the hash of a mix of both versions.
        var now = await store.StatAsync(path, ct);
        if (now is not null && record.IsSameVersion(now)
            && index.TryUpdate(file, r => r with { Entry = r.Entry with { ContentHash = hash } }))
        {
            cacheDirty = true;
        }
    }

    private async Task SaveLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(timing.SaveEvery, ct);
            if (cacheDirty)
            {
                await SaveCacheAsync(ct);
            }
        }
    }

    private async Task SaveCacheAsync(CancellationToken ct)
    {
        cacheDirty = false;
        var facts = index.Where(r => r.Examined && !r.Entry.IsDirectory)
            .Select(r => new CachedFacts(r.Entry.Path.Value, r.Entry.File.Length, r.Entry.File.LastModified.UtcTicks, r.Entry.Kind, r.Entry.Title, r.Entry.Author, r.Entry.ContentHash))
            .ToList();
        try
        {
            await cacheFile.SaveAsync(facts, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCacheNotSaved(logger, ShareName, cacheFile.FilePath, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "library '{Share}': {Count} files and folders listed in {Milliseconds} ms; examining and hashing in the background")]
    private static partial void LogScanned(ILogger logger, string share, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "library '{Share}' cannot be scanned: {Reason}; it is listed empty and rescanned later")]
    private static partial void LogScanFailed(ILogger logger, string share, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "library '{Share}': the catalog stopped working: {Reason}")]
    private static partial void LogFailed(ILogger logger, string share, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "library '{Share}': watching {Folder} for changes")]
    private static partial void LogWatching(ILogger logger, string share, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "library '{Share}': cannot watch {Folder} ({Reason}); changes are picked up by rescans every {Seconds} s")]
    private static partial void LogCannotWatch(ILogger logger, string share, string folder, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "library '{Share}': cannot examine {Path}: {Reason}")]
    private static partial void LogExamineFailed(ILogger logger, string share, StorePath path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "library '{Share}': cannot hash {Path}: {Reason}")]
    private static partial void LogHashFailed(ILogger logger, string share, StorePath path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "library '{Share}': the catalog cache {File} cannot be written: {Reason}")]
    private static partial void LogCacheNotSaved(ILogger logger, string share, string file, string reason);
}
