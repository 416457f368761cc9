using ShareKit.Sdk;

namespace ShareKit.Http.Serving;

/// <summary>
/// Makes a store's forward-only read stream (an S3 object's GET, for instance) seekable, so ASP.NET's range
/// processing can answer <c>Range</c> with 206: a seek only moves the position, and the next read reopens the file
/// at that offset through <see cref="IFileStore.OpenReadAsync"/> (a ranged GET on S3) instead of reading up to it.
/// </summary>
internal sealed class ReopeningReadStream(IFileStore store, StorePath path, long length, Stream opened) : Stream
{
    private Stream? current = opened;
    private long currentAt;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        position = target;
        return position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= length || buffer.IsEmpty)
        {
            return 0;
        }

        if (current is null || currentAt != position)
        {
            if (current is not null)
            {
                await current.DisposeAsync().ConfigureAwait(false);
                current = null;
            }

            current = await store.OpenReadAsync(path, position, cancellationToken).ConfigureAwait(false);
            currentAt = position;
        }

        var read = await current.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        position += read;
        currentAt += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel reads response sources asynchronously; a synchronous caller gets the same behaviour, blocking.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (current is not null)
        {
            await current.DisposeAsync().ConfigureAwait(false);
            current = null;
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            current?.Dispose();
            current = null;
        }

        base.Dispose(disposing);
    }
}
