using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

// TEMPORARY: a minimal IFileStore over a folder, until ShareKit.Storage.Local is merged into main; then deleted.
internal sealed class TemporaryDirectoryStore(string root, string staging) : IFileStore
{
    private readonly ConcurrentDictionary<string, byte> writers = new();

    public StoreCapabilities Capabilities =>
        StoreCapabilities.Write | StoreCapabilities.ResumableWrites | StoreCapabilities.Append | StoreCapabilities.AtomicMove;

    public ValueTask<FileEntry?> StatAsync(StorePath path, CancellationToken ct)
    {
        if (CrossesLink(path))
        {
            return ValueTask.FromResult<FileEntry?>(null);
        }

        var full = Full(path);
        if (Directory.Exists(full))
        {
            return ValueTask.FromResult<FileEntry?>(new FileEntry(path, true, 0, Directory.GetLastWriteTimeUtc(full)));
        }

        if (File.Exists(full))
        {
            var info = new FileInfo(full);
            return ValueTask.FromResult<FileEntry?>(new FileEntry(path, false, info.Length, info.LastWriteTimeUtc));
        }

        return ValueTask.FromResult<FileEntry?>(null);
    }

    public async IAsyncEnumerable<FileEntry> ListAsync(StorePath directory, [EnumeratorCancellation] CancellationToken ct)
    {
        if (CrossesLink(directory) || !Directory.Exists(Full(directory)))
        {
            throw new StoreNotFoundException(directory);
        }

        foreach (var entry in new DirectoryInfo(Full(directory)).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var path = directory.Append(entry.Name);
            yield return entry is DirectoryInfo
                ? new FileEntry(path, true, 0, entry.LastWriteTimeUtc)
                : new FileEntry(path, false, ((FileInfo)entry).Length, entry.LastWriteTimeUtc);
        }

        await Task.CompletedTask;
    }

    public ValueTask<Stream> OpenReadAsync(StorePath path, long offset, CancellationToken ct)
    {
        if (CrossesLink(path) || !File.Exists(Full(path)))
        {
            throw new StoreNotFoundException(path);
        }

        var stream = new FileStream(Full(path), FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        stream.Position = offset;
        return ValueTask.FromResult<Stream>(stream);
    }

    public ValueTask<IStagedWrite> BeginWriteAsync(StorePath path, WriteMode mode, CancellationToken ct)
    {
        if (!writers.TryAdd(path.Value, 0))
        {
            throw new StoreConflictException(path, $"{path.ToDisplayString()} is being written by someone else.");
        }

        Directory.CreateDirectory(staging);
        var stagedFile = Path.Combine(staging, Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(path.Value)));
        if (mode == WriteMode.Append && !File.Exists(stagedFile) && File.Exists(Full(path)))
        {
            File.Copy(Full(path), stagedFile);
        }

        var stream = new FileStream(stagedFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, useAsync: true);
        stream.Position = stream.Length;
        return ValueTask.FromResult<IStagedWrite>(new Staged(this, path, mode, stagedFile, stream));
    }

    public ValueTask CreateDirectoryAsync(StorePath path, CancellationToken ct)
    {
        Directory.CreateDirectory(Full(path));
        return default;
    }

    public ValueTask DeleteAsync(StorePath path, CancellationToken ct)
    {
        var full = Full(path);
        if (Directory.Exists(full))
        {
            if (Directory.EnumerateFileSystemEntries(full).Any())
            {
                throw new StoreConflictException(path, $"{path.ToDisplayString()} is not empty.");
            }

            Directory.Delete(full);
        }
        else if (File.Exists(full))
        {
            File.Delete(full);
        }
        else
        {
            throw new StoreNotFoundException(path);
        }

        return default;
    }

    public ValueTask MoveAsync(StorePath from, StorePath to, CancellationToken ct)
    {
        if (File.Exists(Full(to)) || Directory.Exists(Full(to)))
        {
            throw new StoreConflictException(to, $"{to.ToDisplayString()} exists already.");
        }

        if (Directory.Exists(Full(from)))
        {
            Directory.Move(Full(from), Full(to));
        }
        else if (File.Exists(Full(from)))
        {
            File.Move(Full(from), Full(to));
        }
        else
        {
            throw new StoreNotFoundException(from);
        }

        return default;
    }

    private string Full(StorePath path) => path.IsRoot ? root : Path.Combine(root, path.Value);

    private bool CrossesLink(StorePath path)
    {
        var current = root;
        foreach (var segment in path.Segments)
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if ((File.GetAttributes(current) & FileAttributes.ReparsePoint) != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Staged(TemporaryDirectoryStore store, StorePath path, WriteMode mode, string file, FileStream stream) : IStagedWrite
    {
        private bool released;

        public StorePath Path => path;

        public Stream Content => stream;

        public long ResumeOffset { get; } = stream.Length;

        public DateTimeOffset? LastModified { get; set; }

        public async ValueTask CommitAsync(CancellationToken ct)
        {
            await stream.FlushAsync(ct);
            await stream.DisposeAsync();
            File.Move(file, store.Full(path), overwrite: mode != WriteMode.CreateNew);
            Release();
        }

        public async ValueTask DiscardAsync(CancellationToken ct)
        {
            await stream.DisposeAsync();
            File.Delete(file);
            Release();
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            Release();
        }

        private void Release()
        {
            if (!released)
            {
                released = true;
                store.writers.TryRemove(path.Value, out _);
            }
        }
    }
}
