using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

/// <summary>
/// A share stored in a folder on this machine.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Links: a symbolic link that resolves inside the root is followed and listed as what it points to; one
/// that leads outside the root (or into the staging folder, or nowhere) is not listed, <see cref="StatAsync"/>
/// returns null for it and every other operation throws <see cref="StoreNotFoundException"/> saying it leads
/// outside the share. Deletes and moves act on the link itself, never on what it points to.</item>
/// <item>Staged writes live in <c>.sharekit-staging/</c> at the root, which is never listed and no store path can
/// name (see <see cref="LocalStagedWrite"/> and <see cref="StagingArea"/>). One writer per path at a time, across
/// processes: a second <see cref="BeginWriteAsync"/> gets <see cref="StoreConflictException"/>.</item>
/// <item>Names on disk that are not valid store path segments (control characters, backslashes, not NFC) are
/// not listed.</item>
/// <item>Moves create missing parent folders of the destination and never replace an existing entry.</item>
/// </list>
/// </remarks>
public sealed class LocalFileStore : IFileStore
{
    /// <summary>Buffer size for copies inside the store (the Append start copy).</summary>
    internal const int CopyBufferSize = 1024 * 1024;

    private const StoreCapabilities WritableCapabilities = StoreCapabilities.Write | StoreCapabilities.ResumableWrites
        | StoreCapabilities.Append | StoreCapabilities.AtomicMove | StoreCapabilities.PreservesModificationTime;

    private readonly ILogger logger;
    private readonly bool readOnly;

    /// <summary>Opens the share <paramref name="shareName"/> over <see cref="LocalStoreOptions.Root"/>, creating the folder if missing.</summary>
    /// <exception cref="StorageException">The folder cannot be created or is not a folder.</exception>
    public LocalFileStore(LocalStoreOptions options, string shareName, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ShareName = shareName;
        readOnly = options.ReadOnly;
        logger = loggerFactory.CreateLogger<LocalFileStore>();
        try
        {
            Directory.CreateDirectory(options.Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"The folder '{options.Root}' of the share '{shareName}' cannot be created: {e.Message}", e);
        }

        Paths = new RootedPaths(options.Root);
        Staging = new StagingArea(Paths.StagingDirectory);
        Log.Opened(logger, shareName, Paths.Root);
    }

    /// <inheritdoc />
    public StoreCapabilities Capabilities => readOnly ? StoreCapabilities.None : WritableCapabilities;

    /// <summary>The share's name, used in error messages.</summary>
    public string ShareName { get; }

    /// <summary>The root folder (links resolved).</summary>
    public string RootDirectory => Paths.Root;

    internal RootedPaths Paths { get; }

    internal StagingArea Staging { get; }

    /// <inheritdoc />
    public ValueTask<FileEntry?> StatAsync(StorePath path, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var full = Paths.ResolveTarget(path);
        if (full is null)
        {
            return ValueTask.FromResult<FileEntry?>(null);
        }

        try
        {
            return ValueTask.FromResult(EntryAt(path, full));
        }
        catch (Exception e) when (StorageErrors.Map(e, ShareName, "read", path) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FileEntry> ListAsync(StorePath directory, [EnumeratorCancellation] CancellationToken ct)
    {
        var full = ResolveExisting(directory);
        if (!Directory.Exists(full))
        {
            throw new StoreNotFoundException(directory, File.Exists(full)
                ? $"{directory.ToDisplayString()} is a file, not a folder, in the share '{ShareName}'."
                : $"The folder {directory.ToDisplayString()} does not exist in the share '{ShareName}'.");
        }

        IEnumerator<FileSystemInfo> items;
        try
        {
            items = new DirectoryInfo(full).EnumerateFileSystemInfos().GetEnumerator();
        }
        catch (Exception e) when (StorageErrors.Map(e, ShareName, "list", directory) is { } mapped)
        {
            throw mapped;
        }

        using (items)
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                FileEntry? entry;
                try
                {
                    if (!items.MoveNext())
                    {
                        break;
                    }

                    entry = ToEntry(directory, items.Current);
                }
                catch (Exception e) when (StorageErrors.Map(e, ShareName, "list", directory) is { } mapped)
                {
                    throw mapped;
                }

                if (entry is not null)
                {
                    yield return entry;
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<Stream> OpenReadAsync(StorePath path, long offset, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ct.ThrowIfCancellationRequested();
        var full = ResolveExisting(path);
        if (Directory.Exists(full))
        {
            throw new StoreNotFoundException(path, $"{path.ToDisplayString()} is a folder, not a file, in the share '{ShareName}'.");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (StorageErrors.Map(e, ShareName, "read", path) is { } mapped)
        {
            throw mapped;
        }

        if (offset > stream.Length)
        {
            var length = stream.Length;
            stream.Dispose();
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"{path.ToDisplayString()} has only {length} bytes.");
        }

        stream.Seek(offset, SeekOrigin.Begin);
        return ValueTask.FromResult<Stream>(stream);
    }

    /// <inheritdoc />
    public async ValueTask<IStagedWrite> BeginWriteAsync(StorePath path, WriteMode mode, CancellationToken ct)
    {
        EnsureWritable();
        ct.ThrowIfCancellationRequested();
        if (path.IsRoot)
        {
            throw new StoreConflictException(path, $"The root of the share '{ShareName}' is a folder; a file needs a name.");
        }

        RefuseReserved(path);
        _ = Paths.ResolveEntry(path) ?? throw Escapes(path);
        return await LocalStagedWrite.BeginAsync(this, path, mode, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask CreateDirectoryAsync(StorePath path, CancellationToken ct)
    {
        EnsureWritable();
        ct.ThrowIfCancellationRequested();
        if (path.IsRoot)
        {
            return ValueTask.CompletedTask;
        }

        RefuseReserved(path);
        var full = Paths.ResolveTarget(path) ?? throw Escapes(path);
        if (File.Exists(full))
        {
            throw new StoreConflictException(path, $"{path.ToDisplayString()} is a file in the share '{ShareName}'; a folder cannot take its place.");
        }

        try
        {
            Directory.CreateDirectory(full);
        }
        catch (IOException e) when (!StorageErrors.IsDiskFull(e))
        {
            throw new StoreConflictException(path, $"{path.ToDisplayString()} cannot be created in the share '{ShareName}': a file stands where a folder is needed ({e.Message}).");
        }
        catch (Exception e) when (StorageErrors.Map(e, ShareName, "create the folder", path) is { } mapped)
        {
            throw mapped;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(StorePath path, CancellationToken ct)
    {
        EnsureWritable();
        ct.ThrowIfCancellationRequested();
        if (path.IsRoot)
        {
            throw new StorageException($"The root of the share '{ShareName}' cannot be deleted.");
        }

        if (RootedPaths.IsReserved(path))
        {
            throw NotFound(path);
        }

        var entry = Paths.ResolveEntry(path) ?? throw Escapes(path);
        try
        {
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null)
            {
                // The link is the entry: delete it, never what it points to; an escaping link does not exist here.
                _ = Paths.ResolveTarget(path) ?? throw Escapes(path);
                File.Delete(entry);
            }
            else if (info.Exists)
            {
                File.Delete(entry);
            }
            else if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: false);
            }
            else
            {
                throw NotFound(path);
            }
        }
        catch (IOException e) when (StorageErrors.IsNotEmpty(e))
        {
            throw new StoreConflictException(path, $"The folder {path.ToDisplayString()} in the share '{ShareName}' is not empty.");
        }
        catch (Exception e) when (StorageErrors.Map(e, ShareName, "delete", path) is { } mapped)
        {
            throw mapped;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask MoveAsync(StorePath from, StorePath to, CancellationToken ct)
    {
        EnsureWritable();
        ct.ThrowIfCancellationRequested();
        if (from.IsRoot || to.IsRoot)
        {
            throw new StorageException($"The root of the share '{ShareName}' cannot be moved or replaced.");
        }

        if (RootedPaths.IsReserved(from))
        {
            throw NotFound(from);
        }

        RefuseReserved(to);
        var source = Paths.ResolveEntry(from) ?? throw Escapes(from);
        var destination = Paths.ResolveEntry(to) ?? throw Escapes(to);
        var isLink = new FileInfo(source).LinkTarget is not null;
        if (isLink && Paths.ResolveTarget(from) is null)
        {
            throw Escapes(from);
        }

        if (!isLink && !Path.Exists(source))
        {
            throw NotFound(from);
        }

        if (to.IsWithin(from))
        {
            throw new StorageException($"{from.ToDisplayString()} cannot be moved into itself ({to.ToDisplayString()}) in the share '{ShareName}'.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!NoReplaceRename.TryMove(source, destination, isDirectory: !isLink && Directory.Exists(source)))
            {
                throw new StoreConflictException(to, $"{to.ToDisplayString()} exists already in the share '{ShareName}'.");
            }
        }
        catch (Exception e) when (StorageErrors.Map(e, ShareName, "move", from) is { } mapped)
        {
            throw mapped;
        }

        return ValueTask.CompletedTask;
    }

    internal StoreNotFoundException Escapes(StorePath path) =>
        new(path, $"{path.ToDisplayString()} leads outside the share '{ShareName}' through a link; ShareKit never follows links out of a share.");

    private StoreNotFoundException NotFound(StorePath path) =>
        new(path, $"{path.ToDisplayString()} does not exist in the share '{ShareName}'.");

    private string ResolveExisting(StorePath path)
    {
        if (RootedPaths.IsReserved(path))
        {
            throw NotFound(path);
        }

        var full = Paths.ResolveTarget(path) ?? throw Escapes(path);
        return Path.Exists(full) ? full : throw NotFound(path);
    }

    private void RefuseReserved(StorePath path)
    {
        if (RootedPaths.IsReserved(path))
        {
            throw new StorageException($"{path.ToDisplayString()} is reserved in the share '{ShareName}': '{RootedPaths.StagingFolderName}' holds ShareKit's unfinished transfers.");
        }
    }

    private void EnsureWritable()
    {
        if (readOnly)
        {
            throw new NotSupportedException($"The share '{ShareName}' is read-only.");
        }
    }

    private static FileEntry? EntryAt(StorePath path, string full)
    {
        var file = new FileInfo(full);
        if (file.Exists)
        {
            return new FileEntry(path, false, file.Length, file.LastWriteTimeUtc);
        }

        var folder = new DirectoryInfo(full);
        return folder.Exists ? new FileEntry(path, true, 0, folder.LastWriteTimeUtc) : null;
    }

    private FileEntry? ToEntry(StorePath directory, FileSystemInfo item)
    {
        var name = item.Name;
        if (directory.IsRoot && name.Equals(RootedPaths.StagingFolderName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!StorePath.IsValidSegment(name, out var reason) || !name.IsNormalized(NormalizationForm.FormC))
        {
            Log.NameHidden(logger, ShareName, name, directory, reason ?? "not in Unicode NFC form");
            return null;
        }

        var path = directory.Append(name);
        if (item.LinkTarget is null)
        {
            return item is FileInfo file
                ? new FileEntry(path, false, file.Length, file.LastWriteTimeUtc)
                : new FileEntry(path, true, 0, item.LastWriteTimeUtc);
        }

        var target = Paths.ResolveTarget(path);
        var entry = target is null ? null : EntryAt(path, target);
        if (entry is null)
        {
            Log.LinkHidden(logger, ShareName, path);
        }

        return entry;
    }
}
