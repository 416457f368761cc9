using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Security.Tests.Support;

// Usage: ShareKit.Security.Bench [MiB=1024] [rounds=3]
var mebibytes = args.Length > 0 ? int.Parse(args[0]) : 1024;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var total = (long)mebibytes * 1024 * 1024;
var root = Directory.CreateTempSubdirectory("sharekit-bench-");
try
{
    var alice = new EncryptedLayer(Path.Combine(root.FullName, "a"), new NodeIdentity(NodeId.NewRandom(), "alice"), new EncryptedLayerOptions(), NullLogger.Instance);
    var bob = new EncryptedLayer(Path.Combine(root.FullName, "b"), new NodeIdentity(NodeId.NewRandom(), "bob"), new EncryptedLayerOptions(), NullLogger.Instance);
    Directory.CreateDirectory(Path.Combine(root.FullName, "a"));
    Directory.CreateDirectory(Path.Combine(root.FullName, "b"));
    double bestPlain = 0, bestEncrypted = 0;
    for (var round = 0; round < rounds; round++)
    {
        var plain = await MeasureAsync(null, null);
        var encrypted = await MeasureAsync(alice, bob);
        bestPlain = Math.Max(bestPlain, plain);
        bestEncrypted = Math.Max(bestEncrypted, encrypted);
        Console.WriteLine($"round {round + 1}: plain {plain:F0} MiB/s, encrypted {encrypted:F0} MiB/s, ratio {encrypted / plain:F2}");
    }

    Console.WriteLine($"best of {rounds}, {mebibytes} MiB each: plain {bestPlain:F0} MiB/s, encrypted {bestEncrypted:F0} MiB/s, ratio {bestEncrypted / bestPlain:F2}");
}
finally
{
    root.Delete(recursive: true);
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
    if (got != total)
    {
        throw new InvalidOperationException($"received {got} of {total} bytes");
    }

    await sender.DisposeAsync();
    await receiver.DisposeAsync();
    return total / 1024.0 / 1024.0 / clock.Elapsed.TotalSeconds;
}
