using ShareKit.Sdk;

namespace ShareKit.Host.Tests.Library;

/// <summary>A store whose file reads wait until the test opens the gate, and which counts them: proves what waits for reading.</summary>
internal sealed class GatedStore(IFileStore inner) : IFileStore
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int reads;

    public int Reads => Volatile.Read(ref reads);

    public StoreCapabilities Capabilities => inner.Capabilities;

    public void Open() => gate.TrySetResult();

    public ValueTask<FileEntry?> StatAsync(StorePath path, CancellationToken ct) => inner.StatAsync(path, ct);

    public IAsyncEnumerable<FileEntry> ListAsync(StorePath directory, CancellationToken ct) => inner.ListAsync(directory, ct);

    public async ValueTask<Stream> OpenReadAsync(StorePath path, long offset, CancellationToken ct)
    {
        Interlocked.Increment(ref reads);
        await gate.Task.WaitAsync(ct);
        return await inner.OpenReadAsync(path, offset, ct);
    }

    public ValueTask<IStagedWrite> BeginWriteAsync(StorePath path, WriteMode mode, CancellationToken ct) => inner.BeginWriteAsync(path, mode, ct);

    public ValueTask CreateDirectoryAsync(StorePath path, CancellationToken ct) => inner.CreateDirectoryAsync(path, ct);

    public ValueTask DeleteAsync(StorePath path, CancellationToken ct) => inner.DeleteAsync(path, ct);

    public ValueTask MoveAsync(StorePath from, StorePath to, CancellationToken ct) => inner.MoveAsync(from, to, ct);
}
