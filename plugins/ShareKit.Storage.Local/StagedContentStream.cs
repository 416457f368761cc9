namespace ShareKit.Storage.Local;

/// <summary>
/// The <see cref="Sdk.IStagedWrite.Content"/> handed to callers: the staged file without its disposal (the staged
/// write owns the handle) and with a full disk reported as <see cref="Sdk.StorageFullException"/>.
/// </summary>
internal sealed class StagedContentStream(FileStream file, Func<IOException, Exception> onDiskFull) : Stream
{
    public override bool CanRead => file.CanRead;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            file.Write(buffer);
        }
        catch (IOException e) when (StorageErrors.IsDiskFull(e))
        {
            throw onDiskFull(e);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (StorageErrors.IsDiskFull(e))
        {
            throw onDiskFull(e);
        }
    }

    public override void Flush()
    {
        try
        {
            file.Flush();
        }
        catch (IOException e) when (StorageErrors.IsDiskFull(e))
        {
            throw onDiskFull(e);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (StorageErrors.IsDiskFull(e))
        {
            throw onDiskFull(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => file.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        file.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        file.ReadAsync(buffer, offset, count, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value) => file.SetLength(value);
}
