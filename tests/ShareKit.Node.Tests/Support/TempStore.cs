using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Node.Tests.Support;

/// <summary>
/// Temporary test-only store over a folder (until the local store plugin is on main): staged writes live in a
/// separate staging folder named by the target path, so they survive the writer and are resumed.
/// </summary>
internal sealed class TempStore : IFileStore
{
    private readonly ConcurrentDictionary<StorePath, bool> writers = new();

    public TempStore(string root, string staging)
    {
        Root = root;
        Staging = staging;
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(staging);
    }

    public string Root { get; }

    public string Staging { get; }

    /// <summary>When set, staged writes fail with <see cref="StorageFullException"/> past this many bytes in total.</summary>
    public long? SpaceLeft { get; set; }

    public StoreCapabilities Capabilities =>
        StoreCapabilities.Write | StoreCapabilities.ResumableWrites | StoreCapabilities.AtomicMove | StoreCapabilities.PreservesModificationTime;

    public string Full(StorePath path) => Path.Combine(Root, path.Value);

    public string StagingFile(StorePath path) =>
        Path.Combine(Staging, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path.Value)))[..32] + ".part");

    public ValueTask<FileEntry?> StatAsync(StorePath path, CancellationToken ct)
    {
        var full = Full(path);
        if (File.Exists(full))
        {
            var info = new FileInfo(full);
            return ValueTask.FromResult<FileEntry?>(new FileEntry(path, false, info.Length, info.LastWriteTimeUtc));
        }

        return Directory.Exists(full)
            ? ValueTask.FromResult<FileEntry?>(new FileEntry(path, true, 0, Directory.GetLastWriteTimeUtc(full)))
            : ValueTask.FromResult<FileEntry?>(null);
    }

    public async IAsyncEnumerable<FileEntry> ListAsync(StorePath directory, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var entry in new DirectoryInfo(Full(directory)).EnumerateFileSystemInfos())
        {
            var path = directory.Append(entry.Name);
            yield return (await StatAsync(path, ct))!;
        }
    }

    public ValueTask<Stream> OpenReadAsync(StorePath path, long offset, CancellationToken ct)
    {
        var stream = File.OpenRead(Full(path));
        stream.Seek(offset, SeekOrigin.Begin);
        return ValueTask.FromResult<Stream>(stream);
    }

    public ValueTask<IStagedWrite> BeginWriteAsync(StorePath path, WriteMode mode, CancellationToken ct)
    {
        if (!writers.TryAdd(path, true))
        {
            throw new StoreConflictException(path, $"{path.ToDisplayString()} is being written by someone else.");
        }

        var stream = new FileStream(StagingFile(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        stream.Seek(0, SeekOrigin.End);
        return ValueTask.FromResult<IStagedWrite>(new Staged(this, path, stream));
    }

    public ValueTask CreateDirectoryAsync(StorePath path, CancellationToken ct)
    {
        Directory.CreateDirectory(Full(path));
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(StorePath path, CancellationToken ct)
    {
        if (File.Exists(Full(path)))
        {
            File.Delete(Full(path));
        }
        else
        {
            Directory.Delete(Full(path));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask MoveAsync(StorePath from, StorePath to, CancellationToken ct)
    {
        File.Move(Full(from), Full(to), overwrite: false);
        return ValueTask.CompletedTask;
    }

    private sealed class Staged(TempStore store, StorePath path, FileStream file) : IStagedWrite
    {
        private bool closed;

        public StorePath Path => path;

        public Stream Content { get; } = new SpaceCheckingStream(store, file);

        public long ResumeOffset { get; } = file.Length;

        public DateTimeOffset? LastModified { get; set; }

        public async ValueTask CommitAsync(CancellationToken ct)
        {
            await file.FlushAsync(ct);
            await CloseAsync();
            var target = store.Full(path);
            if (File.Exists(target) || Directory.Exists(target))
            {
                throw new StoreConflictException(path, $"{path.ToDisplayString()} exists.");
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Move(store.StagingFile(path), target);
            if (LastModified is { } mtime)
            {
                File.SetLastWriteTimeUtc(target, mtime.UtcDateTime);
            }
        }

        public async ValueTask DiscardAsync(CancellationToken ct)
        {
            await CloseAsync();
            File.Delete(store.StagingFile(path));
        }

        public ValueTask DisposeAsync() => CloseAsync();

        private async ValueTask CloseAsync()
        {
            if (!closed)
            {
                closed = true;
                await file.DisposeAsync();
                store.writers.TryRemove(path, out _);
            }
        }
    }

    private sealed class SpaceCheckingStream(TempStore store, FileStream file) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => file.Length;

        public override long Position { get => file.Position; set => file.Position = value; }

        public override void Flush() => file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => file.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void SetLength(long value) => file.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (store.SpaceLeft is { } left)
            {
                if (buffer.Length > left)
                {
                    throw new StorageFullException("No space left on the test store.");
                }

                store.SpaceLeft = left - buffer.Length;
            }

            return file.WriteAsync(buffer, cancellationToken);
        }
    }
}
