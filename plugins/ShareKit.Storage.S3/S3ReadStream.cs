using Amazon.S3.Model;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>
/// The body of one (ranged) GET, read straight from the connection. A read that gets no data for the store's
/// timeout, a broken connection, or a body that ends early fails with <see cref="StorageException"/>.
/// </summary>
internal sealed class S3ReadStream : Stream
{
    private readonly GetObjectResponse response;
    private readonly Stream body;
    private readonly StorePath path;
    private readonly S3Errors errors;
    private readonly TimeSpan timeout;
    private readonly CancellationTokenSource idle = new();
    private long remaining;
    private bool broken;

    public S3ReadStream(GetObjectResponse response, StorePath path, S3Errors errors, TimeSpan timeout)
    {
        this.response = response;
        this.path = path;
        this.errors = errors;
        this.timeout = timeout;
        body = response.ResponseStream;
        remaining = response.ContentLength;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || remaining == 0)
        {
            return 0;
        }

        ObjectDisposedException.ThrowIf(broken, this);
        idle.CancelAfter(timeout);
        int read;
        using (cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), idle) : default)
        {
            try
            {
                read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                broken = true;
                throw;
            }
            catch (OperationCanceledException e)
            {
                broken = true;
                throw new StorageException($"Reading {path.ToDisplayString()} in the share '{errors.Share}' stopped: the object store sent nothing for {timeout.TotalSeconds:0.#} s.", e);
            }
            catch (Exception e) when (errors.Map(e, "read", path, cancellationToken) is { } mapped)
            {
                broken = true;
                throw mapped;
            }
        }

        if (!idle.TryReset())
        {
            broken = true;
        }

        return Count(read);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || remaining == 0)
        {
            return 0;
        }

        try
        {
            return Count(body.Read(buffer));
        }
        catch (Exception e) when (errors.Map(e, "read", path, CancellationToken.None) is { } mapped)
        {
            throw mapped;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            response.Dispose();
            idle.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        if (read == 0)
        {
            throw new StorageException($"Reading {path.ToDisplayString()} in the share '{errors.Share}' failed: the object store ended the data {remaining} bytes early.");
        }

        remaining -= read;
        return read;
    }
}
