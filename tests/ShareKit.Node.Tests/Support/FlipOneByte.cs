namespace ShareKit.Node.Tests.Support;

/// <summary>
/// Damages one byte in transit: a byte inside the first run of 64 equal <c>marker</c> bytes, so only file content
/// is hit, never framing (which then fails the hash check, not the protocol).
/// </summary>
internal sealed class FlipOneByte(byte marker) : IWriteFault
{
    private readonly byte[] run = Enumerable.Repeat(marker, 64).ToArray();
    private bool flipped;

    public ReadOnlyMemory<byte> Pass(ReadOnlyMemory<byte> data, out bool cut)
    {
        cut = false;
        var at = flipped ? -1 : data.Span.IndexOf(run);
        if (at < 0)
        {
            return data;
        }

        var copy = data.ToArray();
        copy[at + 32] ^= 0x01;
        flipped = true;
        return copy;
    }
}
