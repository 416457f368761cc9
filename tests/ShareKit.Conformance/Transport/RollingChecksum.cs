using System.Runtime.InteropServices;

namespace ShareKit.Conformance.Transport;

/// <summary>
/// A Fletcher-style checksum over 64-bit words: position-sensitive (catches reordered, lost or repeated chunks)
/// yet fast enough to check a gigabyte without becoming the bottleneck. Not cryptographic.
/// Data may arrive in pieces of any length; the result depends only on the bytes and their order.
/// </summary>
internal sealed class RollingChecksum
{
    private ulong _sum1 = 1;
    private ulong _sum2;
    private ulong _pending;
    private int _pendingBytes;

    /// <summary>How many bytes were appended.</summary>
    public long Length { get; private set; }

    /// <summary>The checksum of everything appended so far.</summary>
    public ulong Value => unchecked((_sum2 * 0x9E3779B97F4A7C15UL) ^ (_sum1 + _pending) ^ (ulong)_pendingBytes);

    /// <summary>Adds the next bytes.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        while (_pendingBytes != 0 && !data.IsEmpty)
        {
            TakePending(data[0]);
            data = data[1..];
        }

        var wholeWords = data.Length & ~7;
        unchecked
        {
            foreach (var word in MemoryMarshal.Cast<byte, ulong>(data[..wholeWords]))
            {
                _sum1 += word;
                _sum2 += _sum1;
            }
        }

        foreach (var tail in data[wholeWords..])
        {
            TakePending(tail);
        }
    }

    private void TakePending(byte value)
    {
        _pending |= (ulong)value << (8 * _pendingBytes);
        if (++_pendingBytes == 8)
        {
            unchecked
            {
                _sum1 += _pending;
                _sum2 += _sum1;
            }

            _pending = 0;
            _pendingBytes = 0;
        }
    }
}
