using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

/// <summary>
/// A staged write of the local store: content in the staging folder, published by one rename.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="CommitAsync"/> flushes the content to disk (fsync), sets its modification time, then renames it
/// into place: <see cref="WriteMode.Replace"/> and <see cref="WriteMode.Append"/> with <c>rename(2)</c> (readers see
/// the old or the new file), <see cref="WriteMode.CreateNew"/> with a rename that never replaces
/// (<see cref="NoReplaceRename"/>), so of two racing creators exactly one wins and the other gets
/// <see cref="StoreConflictException"/> with its staged data kept. Missing parent folders are created.</item>
/// <item>A link at the target path is replaced by the file, never written through.</item>
/// <item>A full disk deletes the staged data (giving its space back), ends this write and throws
/// <see cref="StorageFullException"/>; nothing in the share is touched.</item>
/// </list>
/// </remarks>
internal sealed class LocalStagedWrite : IStagedWrite
{
    private readonly LocalFileStore store;
    private readonly WriteMode mode;
    private readonly FileStream lockHandle;
    private readonly FileStream file;
    private readonly StagedContentStream content;
    private bool finished;

    private LocalStagedWrite(LocalFileStore store, StorePath path, WriteMode mode, FileStream lockHandle, FileStream file)
    {
        this.store = store;
        this.mode = mode;
        this.lockHandle = lockHandle;
        this.file = file;
        Path = path;
        ResumeOffset = file.Length;
        file.Seek(0, SeekOrigin.End);
        content = new StagedContentStream(file, AbandonForFullDisk);
    }

    /// <inheritdoc />
    public StorePath Path { get; }

    /// <inheritdoc />
    public Stream Content => finished ? throw Finished() : content;

    /// <inheritdoc />
    public long ResumeOffset { get; }

    /// <inheritdoc />
    public DateTimeOffset? LastModified { get; set; }

    /// <summary>Opens (or reopens) the staged write for <paramref name="path"/>; the caller checked the path.</summary>
    public static async ValueTask<LocalStagedWrite> BeginAsync(LocalFileStore store, StorePath path, WriteMode mode, CancellationToken ct)
    {
        var staging = store.Staging;
        var lockHandle = staging.TryLock(path)
            ?? throw new StoreConflictException(path, $"{path.ToDisplayString()} is being written by another transfer in the share '{store.ShareName}'; try again when it has finished.");
        FileStream? file = null;
        try
        {
            staging.WriteTargetNote(path);
            file = new FileStream(staging.ContentPath(path), new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 0,
                Options = FileOptions.Asynchronous,
            });
            if (mode == WriteMode.Append && file.Length == 0)
            {
                await CopyExistingAsync(store, path, file, ct).ConfigureAwait(false);
            }

            return new LocalStagedWrite(store, path, mode, lockHandle, file);
        }
        catch (Exception e)
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }

            if (StorageErrors.IsDiskFull(e))
            {
                TryDelete(staging, path);
            }

            staging.Unlock(path, lockHandle);
            var mapped = StorageErrors.Map(e, store.ShareName, "write", path);
            if (mapped is null)
            {
                throw;
            }

            throw mapped;
        }
    }

    /// <inheritdoc />
    public async ValueTask CommitAsync(CancellationToken ct)
    {
        if (finished)
        {
            throw Finished();
        }

        ct.ThrowIfCancellationRequested();
        try
        {
            await file.FlushAsync(ct).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
            if (LastModified is { } time)
            {
                File.SetLastWriteTimeUtc(file.SafeFileHandle, time.UtcDateTime);
            }

            var entry = store.Paths.ResolveEntry(Path) ?? throw store.Escapes(Path);
            var parent = System.IO.Path.GetDirectoryName(entry)!;
            if (File.Exists(parent))
            {
                throw new StoreConflictException(Path, $"{Path.Parent.ToDisplayString()} is a file, so {Path.ToDisplayString()} cannot be written in the share '{store.ShareName}'.");
            }

            Directory.CreateDirectory(parent);
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
            {
                throw new StoreConflictException(Path, $"{Path.ToDisplayString()} is a folder in the share '{store.ShareName}'; a file cannot replace it.");
            }

            var staged = store.Staging.ContentPath(Path);
            if (mode == WriteMode.CreateNew)
            {
                if (!NoReplaceRename.TryMove(staged, entry, isDirectory: false))
                {
                    throw new StoreConflictException(Path, $"{Path.ToDisplayString()} exists already in the share '{store.ShareName}'.");
                }
            }
            else
            {
                File.Move(staged, entry, overwrite: true);
            }
        }
        catch (IOException e) when (StorageErrors.IsDiskFull(e))
        {
            throw AbandonForFullDisk(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StorageErrors.Map(e, store.ShareName, "write", Path)!;
        }

        TryDeleteNote();
        await FinishAsync(deleteStaged: false).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DiscardAsync(CancellationToken ct)
    {
        if (finished)
        {
            return;
        }

        await FinishAsync(deleteStaged: true).ConfigureAwait(false);
    }

    /// <summary>Ends the write without publishing; the staged data stays for a later writer to resume.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            await FinishAsync(deleteStaged: false).ConfigureAwait(false);
        }
    }

    private static async ValueTask CopyExistingAsync(LocalFileStore store, StorePath path, FileStream destination, CancellationToken ct)
    {
        var existing = store.Paths.ResolveTarget(path) ?? throw store.Escapes(path);
        if (!File.Exists(existing))
        {
            return;
        }

        var source = new FileStream(existing, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, LocalFileStore.CopyBufferSize, ct).ConfigureAwait(false);
        }
    }

    private static void TryDelete(StagingArea staging, StorePath path)
    {
        try
        {
            staging.DeleteStaged(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private Exception AbandonForFullDisk(IOException e)
    {
        if (!finished)
        {
            finished = true;
            file.Dispose();
            TryDelete(store.Staging, Path);
            store.Staging.Unlock(Path, lockHandle);
        }

        return StorageErrors.Full(store.ShareName, Path, e);
    }

    private async ValueTask FinishAsync(bool deleteStaged)
    {
        finished = true;
        await file.DisposeAsync().ConfigureAwait(false);
        if (deleteStaged)
        {
            TryDelete(store.Staging, Path);
        }

        store.Staging.Unlock(Path, lockHandle);
    }

    private void TryDeleteNote()
    {
        try
        {
            File.Delete(store.Staging.TargetNotePath(Path));
        }
        catch (IOException)
        {
        }
    }

    private ObjectDisposedException Finished() =>
        new(nameof(IStagedWrite), $"The write of {Path.ToDisplayString()} has already been committed, discarded or ended.");
}
