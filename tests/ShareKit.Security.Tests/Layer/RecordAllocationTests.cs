using System.IO.Pipelines;
using ShareKit.Security.Encrypted.Noise;
using ShareKit.Security.Encrypted.Records;

namespace ShareKit.Security.Tests.Layer;

[Collection(nameof(RecordAllocationTests))]
public sealed class RecordAllocationTests
{
    [Fact]
    public async Task Sealing_and_opening_records_does_not_allocate_per_record()
    {
        var key = new byte[32];
        using var sendCipher = new CipherState(NoiseCipher.AesGcm);
        using var receiveCipher = new CipherState(NoiseCipher.AesGcm);
        sendCipher.InitializeKey(key);
        receiveCipher.InitializeKey(key);
        var application = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, minimumSegmentSize: 128 * 1024, useSynchronizationContext: false));
        var wire = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, minimumSegmentSize: 128 * 1024, useSynchronizationContext: false));
        var delivered = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, minimumSegmentSize: 128 * 1024, useSynchronizationContext: false));
        var sealing = new RecordSealer(sendCipher, 1 << 20).RunAsync(application.Reader, wire.Writer, CancellationToken.None);
        var opening = new RecordOpener(receiveCipher, 1 << 20, "peer").RunAsync(wire.Reader, delivered.Writer, _ => { }, CancellationToken.None);
        var chunk = new byte[64 * 1024];
        const int Records = 2048;

        // The pipes use 128 KiB segments like the layer's own plaintext pipes (see EncryptedConnection).
        // Warm up pools and state machines, then count what steady-state traffic allocates.
        await PumpAsync(application.Writer, delivered.Reader, chunk, 64);
        // The counter is process-wide: leftovers of other tests may add to one measurement, so take the least of three.
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await PumpAsync(application.Writer, delivered.Reader, chunk, Records);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        await application.Writer.CompleteAsync();
        await sealing;
        var rest = await delivered.Reader.ReadAsync();
        delivered.Reader.AdvanceTo(rest.Buffer.End);
        await opening;

        // No buffer per record: what remains (pool bookkeeping, the test's own tasks) is well under 256 bytes a record.
        Assert.True(allocated < Records * 256, $"{allocated} bytes allocated for {Records} records of 64 KiB");
    }

    private static async Task PumpAsync(PipeWriter writer, PipeReader reader, byte[] chunk, int count)
    {
        var expected = (long)chunk.Length * count;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await writer.WriteAsync(chunk);
            }
        });
        long received = 0;
        while (received < expected)
        {
            var result = await reader.ReadAsync();
            received += result.Buffer.Length;
            reader.AdvanceTo(result.Buffer.End);
        }

        await writing;
    }
}
