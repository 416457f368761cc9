using System.Diagnostics;
using ShareKit.Host.Node;
using ShareKit.Sdk;

namespace ShareKit.Bench.Peer;

/// <summary>Sends and receives with the engine over loopback sockets, printing the elapsed time.</summary>
internal static class EngineBench
{
    /// <summary>Receives one transfer into <paramref name="directory"/>; prints the port on stdout, then the outcome on stderr.</summary>
    public static async Task<int> ReceiveAsync(string directory, int port, bool dataConnections)
    {
        var endpoint = new PeerEndpoint(new ReceiveContext
        {
            Store = BenchPlugins.LocalStore(directory),
            Policy = new ReceivePolicy { Accept = AcceptRule.All },
            Node = new NodeIdentity(NodeId.NewRandom(), "bench-receiver"),
            AllowDataConnections = dataConnections,
        });
        var listener = await BenchPlugins.Tcp().ListenAsync(Endpoint.Parse($"tcp://127.0.0.1:{port}"), CancellationToken.None);
        Console.WriteLine(listener.LocalEndpoint.Port);
        var done = new TaskCompletionSource<TransferOutcome>();
        _ = Task.Run(async () =>
        {
            while (await listener.AcceptAsync(CancellationToken.None) is { } connection)
            {
                _ = Task.Run(async () =>
                {
                    var outcome = await endpoint.ServeConnectionAsync(connection, CancellationToken.None);
                    if (outcome is not null)
                    {
                        done.TrySetResult(outcome);
                    }
                });
            }
        });
        var result = await done.Task;
        await Console.Error.WriteLineAsync($"receiver: {result.Status} {result.Reason}");
        return result.ExitCode;
    }

    public static async Task<int> SendAsync(int port, IReadOnlyList<string> paths, int dataConnections, int lanes)
    {
        var clock = Stopwatch.StartNew();
        var started = TimeSpan.Zero;
        var progress = new InlineProgress(p =>
        {
            if (p.Kind == TransferProgressKind.Started)
            {
                started = clock.Elapsed;
            }
        });
        var transport = BenchPlugins.Tcp();
        var remote = Endpoint.Parse($"tcp://127.0.0.1:{port}");
        var outcome = await PeerSender.SendAsync(
            ct => transport.ConnectAsync(remote, ct),
            paths,
            new SendOptions { Node = new NodeIdentity(NodeId.NewRandom(), "bench-sender"), MaxDataConnections = dataConnections, Lanes = lanes },
            progress,
            CancellationToken.None);
        await Console.Error.WriteLineAsync($"sender: {outcome.Status} {outcome.Reason} in {clock.Elapsed.TotalSeconds:0.000} s (decision after {started.TotalSeconds:0.000} s), {outcome.ContentBytes} content bytes");
        return outcome.ExitCode;
    }

    private sealed class InlineProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => report(value);
    }
}
