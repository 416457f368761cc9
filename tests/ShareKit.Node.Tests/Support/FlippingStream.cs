namespace ShareKit.Node.Tests.Support;

/// <summary>
/// Damages one byte in transit: the first byte inside a run of 64 equal <c>marker</c> bytes, so that only file
/// content (never framing) is hit.
/// </summary>
internal sealed class FlippingStream(Stream inner, byte marker) : WriteOnlyStream
{
    private bool flipped;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!flipped)
        {
            var run = new byte[64];
            Array.Fill(run, marker);
            var at = buffer.Span.IndexOf(run);
            if (at >= 0)
            {
                var copy = buffer.ToArray();
                copy[at + 32] ^= 0x01;
                flipped = true;
                await inner.WriteAsync(copy, cancellationToken);
                return;
            }
        }

        await inner.WriteAsync(buffer, cancellationToken);
    }
}
