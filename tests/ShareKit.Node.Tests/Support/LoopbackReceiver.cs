using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ShareKit.Host.Node;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Node.Tests.Support;

/// <summary>A receiving node on a real 127.0.0.1 socket: accepts connections and hands each to a <see cref="PeerEndpoint"/>.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly ConcurrentQueue<Task<TransferOutcome?>> served = new();
    private readonly TaskCompletionSource<TransferOutcome> firstOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LoopbackReceiver(TempDirectory temp, ReceivePolicy? policy = null, string name = "receiver", bool allowDataConnections = true)
    {
        Store = new TempStore(temp.Combine("inbox"), temp.Combine("staging"));
        Progress = new RecordingProgress();
        Context = new ReceiveContext
        {
            Store = Store,
            Policy = policy ?? new ReceivePolicy { Accept = AcceptRule.All },
            Node = new NodeIdentity(NodeId.NewRandom(), name),
            Progress = Progress,
            AllowDataConnections = allowDataConnections,
        };
        Endpoint = new PeerEndpoint(Context);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        acceptLoop = AcceptLoopAsync();
    }

    public TempStore Store { get; }

    public ReceiveContext Context { get; }

    public PeerEndpoint Endpoint { get; }

    public RecordingProgress Progress { get; }

    public IPEndPoint Address => (IPEndPoint)listener.LocalEndPoint!;

    /// <summary>The outcome of the first session served.</summary>
    public Task<TransferOutcome> Outcome => firstOutcome.Task.WaitAsync(TimeSpan.FromMinutes(2));

    /// <summary>A connect function for <see cref="PeerSender.SendAsync"/>; <paramref name="wrap"/> wraps the n-th connection's writes.</summary>
    public Func<CancellationToken, ValueTask<IConnection>> Connector(Func<int, Socket, Stream, Stream>? wrap = null)
    {
        var count = 0;
        return async ct =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(Address, ct);
            var n = Interlocked.Increment(ref count) - 1;
            return new SocketConnection(socket, wrap is null ? null : stream => wrap(n, socket, stream));
        };
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        await acceptLoop;
        foreach (var task in served)
        {
            await task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            served.Enqueue(ServeAsync(new SocketConnection(socket)));
        }
    }

    private async Task<TransferOutcome?> ServeAsync(SocketConnection connection)
    {
        var outcome = await Endpoint.ServeConnectionAsync(connection, CancellationToken.None);
        if (outcome is not null)
        {
            firstOutcome.TrySetResult(outcome);
        }

        return outcome;
    }
}
