using System.Buffers;
using System.IO.Pipelines;

namespace ShareKit.Conformance.Transport;

/// <summary>Small whole-message reads and writes for tests that exchange a few bytes.</summary>
internal static class PipeMessages
{
    private const int MaxMessage = 64 * 1024 * 1024;

    /// <summary>Writes and flushes <paramref name="data"/>.</summary>
    public static async Task WriteAsync(PipeWriter writer, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var flushed = await writer.WriteAsync(data, ct);
        if (flushed.IsCompleted)
        {
            throw new InvalidOperationException("The peer stopped reading.");
        }
    }

    /// <summary>Reads everything until the peer half-closes.</summary>
    public static async Task<byte[]> ReadToEndAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            if (result.Buffer.Length > MaxMessage)
            {
                throw new InvalidOperationException($"More than {MaxMessage} bytes arrived; a test message is smaller.");
            }

            if (result.IsCompleted)
            {
                var all = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return all;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Copies Input to Output until the peer half-closes, then half-closes too.</summary>
    public static async Task EchoAsync(IDuplexPipe pipe, CancellationToken ct)
    {
        await pipe.Input.CopyToAsync(pipe.Output, ct);
        await pipe.Output.CompleteAsync();
    }
}
