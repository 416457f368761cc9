using System.Diagnostics;
using System.Security.Cryptography;

namespace ShareKit.Bench.Peer;

/// <summary>Measures SHA-256 (.NET) against BLAKE3 on 1 MiB buffers, the engine's chunk size.</summary>
internal static class HashBench
{
    public static void Run(int megabytes)
    {
        var buffer = new byte[1 << 20];
        Random.Shared.NextBytes(buffer);
        for (var round = 0; round < 3; round++)
        {
            Console.WriteLine($"sha256 {Measure(megabytes, () => { var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256); return (b => h.AppendData(b), () => h.GetHashAndReset()); }, buffer):0} MB/s");
            Console.WriteLine($"blake3 {Measure(megabytes, () => { var h = Blake3.Hasher.New(); return (b => h.Update(b), () => { var x = h.Finalize(); return x.AsSpan().ToArray(); }); }, buffer):0} MB/s");
        }
    }

    private static double Measure(int megabytes, Func<(Action<byte[]> Update, Func<byte[]> Final)> make, byte[] buffer)
    {
        var (update, final) = make();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < megabytes; i++)
        {
            update(buffer);
        }

        final();
        return megabytes * 1.048576 / clock.Elapsed.TotalSeconds;
    }
}
