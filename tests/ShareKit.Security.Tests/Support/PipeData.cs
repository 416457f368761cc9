using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;

namespace ShareKit.Security.Tests.Support;

/// <summary>Writes and reads whole byte streams through pipes.</summary>
public static class PipeData
{
    public static async Task WriteAsync(PipeWriter output, byte[] data, int chunk, bool complete = true)
    {
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            var result = await output.WriteAsync(data.AsMemory(offset, Math.Min(chunk, data.Length - offset)));
            if (result.IsCompleted)
            {
                break;
            }
        }

        if (complete)
        {
            await output.CompleteAsync();
        }
    }

    public static async Task<byte[]> ReadToEndAsync(PipeReader input)
    {
        var received = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await input.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                received.Write(segment.Span);
            }

            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                await input.CompleteAsync();
                return received.WrittenSpan.ToArray();
            }
        }
    }

    public static byte[] Random(int length) => RandomNumberGenerator.GetBytes(length);
}
