using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ShareKit.Host.Node;
using ShareKit.Sdk;

namespace ShareKit.Bench.Peer;

/// <summary>Sends and receives with the engine over loopback sockets, printing the elapsed time.</summary>
internal static class EngineBench
{
    /// <summary>Receives one transfer into <paramref name="directory"/>; prints the port on stdout, then the outcome on stderr.</summary>
    public static async Task<int> ReceiveAsync(string directory, int port, bool dataConnections)
    {
        var store = new BenchStore(directory, Path.Combine(directory, "..", Path.GetFileName(Path.GetFullPath(directory)) + ".staging"));
        var endpoint = new PeerEndpoint(new ReceiveContext
        {
            Store = store,
            Policy = new ReceivePolicy { Accept = AcceptRule.All },
            Node = new NodeIdentity(NodeId.NewRandom(), "bench-receiver"),
            AllowDataConnections = dataConnections,
        });
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(16);
        Console.WriteLine(((IPEndPoint)listener.LocalEndPoint!).Port);
        var done = new TaskCompletionSource<TransferOutcome>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var socket = await listener.AcceptAsync();
                _ = Task.Run(async () =>
                {
                    var outcome = await endpoint.ServeConnectionAsync(new SocketConnection(socket), CancellationToken.None);
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
        var outcome = await PeerSender.SendAsync(
            async ct =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new SocketConnection(socket);
            },
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
