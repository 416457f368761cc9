using System.Buffers;
using System.Buffers.Binary;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3.Tests;

/// <summary>
/// Large test content that is never held whole in memory: byte <c>i</c> is a function of <c>i</c> (SplitMix64 of
/// its 8-byte block), so any range can be written or checked on its own and a shifted offset never matches.
/// </summary>
internal static class PatternData
{
    private const int Chunk = 1024 * 1024;

    public static void Fill(Span<byte> destination, long position)
    {
        Span<byte> block = stackalloc byte[8];
        var i = 0;
        while (i < destination.Length)
        {
            var at = position + i;
            var skip = (int)(at & 7);
            BinaryPrimitives.WriteUInt64LittleEndian(block, Mix((ulong)(at >> 3)));
            var take = Math.Min(8 - skip, destination.Length - i);
            block.Slice(skip, take).CopyTo(destination[i..]);
            i += take;
        }
    }

    /// <summary>Writes bytes [<paramref name="from"/>, <paramref name="to"/>) of the pattern in odd-sized chunks.</summary>
    public static async Task WriteAsync(Stream destination, long from, long to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            for (var at = from; at < to;)
            {
                var count = (int)Math.Min(Chunk - 12_345, to - at);
                Fill(buffer.AsSpan(0, count), at);
                await destination.WriteAsync(buffer.AsMemory(0, count));
                at += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads <paramref name="source"/> to its end and checks it is the pattern from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task VerifyAsync(Stream source, long from, long to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        var expected = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            var at = from;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, Chunk))) > 0)
            {
                Assert.True(at + read <= to, $"the stream goes on past byte {to}");
                Fill(expected.AsSpan(0, read), at);
                var mismatch = buffer.AsSpan(0, read).CommonPrefixLength(expected.AsSpan(0, read));
                Assert.True(mismatch == read, $"byte {at + mismatch} differs from the written content");
                at += read;
            }

            Assert.Equal(to, at);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(expected);
        }
    }

    public static async Task WriteFileAsync(IFileStore store, StorePath path, long length, WriteMode mode = WriteMode.CreateNew)
    {
        await using var write = await store.BeginWriteAsync(path, mode, CancellationToken.None);
        await WriteAsync(write.Content, 0, length);
        await write.CommitAsync(CancellationToken.None);
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
