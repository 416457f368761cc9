using System.Runtime.CompilerServices;
using ShareKit.Sdk;

namespace ShareKit.Testing.Library;

/// <summary>
/// TEMPORARY read-only store over a folder, until the local store plugin is on main; then the library tests use the
/// real plugin and this file goes away.
/// </summary>
public sealed class TemporaryDirectoryStore(string root) : IFileStore
{
    public StoreCapabilities Capabilities => StoreCapabilities.None;

    public ValueTask<FileEntry?> StatAsync(StorePath path, CancellationToken ct)
    {
        var full = Full(path);
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        return ValueTask.FromResult(info.Exists ? Entry(path, info) : null);
    }

    public async IAsyncEnumerable<FileEntry> ListAsync(StorePath directory, [EnumeratorCancellation] CancellationToken ct)
    {
        var full = Full(directory);
        if (!Directory.Exists(full))
        {
            throw new StoreNotFoundException(directory);
        }

        foreach (var info in new DirectoryInfo(full).EnumerateFileSystemInfos())
        {
            ct.ThrowIfCancellationRequested();
            if (StorePath.IsValidSegment(info.Name, out _))
            {
                yield return Entry(directory.Append(info.Name), info);
            }
        }

        await Task.CompletedTask;
    }

    public ValueTask<Stream> OpenReadAsync(StorePath path, long offset, CancellationToken ct)
    {
        var full = Full(path);
        if (!File.Exists(full))
        {
            throw new StoreNotFoundException(path);
        }

        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, stream.Length);
        stream.Position = offset;
        return ValueTask.FromResult<Stream>(stream);
    }

    public ValueTask<IStagedWrite> BeginWriteAsync(StorePath path, WriteMode mode, CancellationToken ct) => throw new NotSupportedException();

    public ValueTask CreateDirectoryAsync(StorePath path, CancellationToken ct) => throw new NotSupportedException();

    public ValueTask DeleteAsync(StorePath path, CancellationToken ct) => throw new NotSupportedException();

    public ValueTask MoveAsync(StorePath from, StorePath to, CancellationToken ct) => throw new NotSupportedException();

    private static FileEntry Entry(StorePath path, FileSystemInfo info) =>
        new(path, info is DirectoryInfo, info is FileInfo file ? file.Length : 0, info.LastWriteTimeUtc);

    private string Full(StorePath path) => path.IsRoot ? root : Path.Combine(root, path.Value);
}
