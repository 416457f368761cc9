using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Security.Tests.Support;

// Usage: ShareKit.Security.Bench [MiB=1024] [rounds=3]
var mebibytes = args.Length > 0 ? int.Parse(args[0]) : 1024;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var total = (long)mebibytes * 1024 * 1024;
long lastAllocated = 0;
var root = Directory.CreateTempSubdirectory("sharekit-bench-");
try
{
    var alice = new EncryptedLayer(Path.Combine(root.FullName, "a"), new NodeIdentity(NodeId.NewRandom(), "alice"), new EncryptedLayerOptions(), NullLogger.Instance);
    var bob = new EncryptedLayer(Path.Combine(root.FullName, "b"), new NodeIdentity(NodeId.NewRandom(), "bob"), new EncryptedLayerOptions(), NullLogger.Instance);
    Directory.CreateDirectory(Path.Combine(root.FullName, "a"));
    Directory.CreateDirectory(Path.Combine(root.FullName, "b"));
    double bestPlain = 0, bestEncrypted = 0, bestCipher = 0;
    for (var round = 0; round < rounds; round++)
    {
        var plain = await MeasureAsync(null, null);
        var encrypted = await MeasureAsync(alice, bob);
        var cipher = MeasureCipher();
        bestPlain = Math.Max(bestPlain, plain);
        bestEncrypted = Math.Max(bestEncrypted, encrypted);
        bestCipher = Math.Max(bestCipher, cipher);
        Console.WriteLine(
            $"round {round + 1}: plain {plain:F0} MiB/s, encrypted {encrypted:F0} MiB/s (ratio {encrypted / plain:F2}), " +
            $"AES-256-GCM alone on one core {cipher:F0} MiB/s (encrypted/cipher {encrypted / cipher:F2}), " +
            $"allocated during the encrypted transfer {lastAllocated / 1024.0:F0} KiB");
    }

    Console.WriteLine(
        $"best of {rounds}, {mebibytes} MiB each: plain {bestPlain:F0} MiB/s, encrypted {bestEncrypted:F0} MiB/s, ratio {bestEncrypted / bestPlain:F2}; " +
        $"AES-256-GCM alone {bestCipher:F0} MiB/s");
}
finally
{
    root.Delete(recursive: true);
}

// The ceiling: sealing 256 MiB in 64 KiB records on one core, no I/O.
static double MeasureCipher()
{
    using var aes = new System.Security.Cryptography.AesGcm(new byte[32], 16);
    var nonce = new byte[12];
    var plaintext = new byte[65536];
    var ciphertext = new byte[65536];
    var tag = new byte[16];
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < 4096; i++)
    {
        aes.Encrypt(nonce, plaintext, ciphertext, tag);
    }

    return 256 / clock.Elapsed.TotalSeconds;
}

async Task<double> MeasureAsync(IConnectionLayer? client, IConnectionLayer? server)
{
    var (clientSide, serverSide) = await Loopback.ConnectionPairAsync();
    IConnection sender = clientSide, receiver = serverSide;
    if (client is not null && server is not null)
    {
        var accepting = server.ApplyAsync(serverSide, ConnectionRole.Responder, CancellationToken.None).AsTask();
        sender = await client.ApplyAsync(clientSide, ConnectionRole.Initiator, CancellationToken.None);
        receiver = await accepting;
    }

    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var receiving = Task.Run(async () =>
    {
        long received = 0;
        while (true)
        {
            var result = await receiver.Transport.Input.ReadAsync();
            received += result.Buffer.Length;
            receiver.Transport.Input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return received;
            }
        }
    });
    var chunk = new byte[256 * 1024];
    Random.Shared.NextBytes(chunk);
    for (long sent = 0; sent < total; sent += chunk.Length)
    {
        await sender.Transport.Output.WriteAsync(chunk);
    }

    await sender.Transport.Output.CompleteAsync();
    var got = await receiving;
    clock.Stop();
    lastAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    if (got != total)
    {
        throw new InvalidOperationException($"received {got} of {total} bytes");
    }

    await sender.DisposeAsync();
    await receiver.DisposeAsync();
    return total / 1024.0 / 1024.0 / clock.Elapsed.TotalSeconds;
}
