namespace ShareKit.Node.Tests.Support;

/// <summary>Passes writes through until <c>limit</c> bytes were written, then breaks the connection (a peer vanishing).</summary>
internal sealed class CuttingStream(Stream inner, long limit, Action cut) : WriteOnlyStream
{
    private long written;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = (int)Math.Max(0, Math.Min(buffer.Length, limit - written));
        if (allowed > 0)
        {
            await inner.WriteAsync(buffer[..allowed], cancellationToken);
            written += allowed;
        }

        if (allowed < buffer.Length)
        {
            cut();
            throw new IOException("The test cut the connection.");
        }
    }
}
