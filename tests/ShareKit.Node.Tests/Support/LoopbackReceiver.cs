using System.Collections.Concurrent;
using ShareKit.Host.Node;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Node.Tests.Support;

/// <summary>
/// A receiving node: the tcp transport listening on 127.0.0.1 (port 0), a local store for the inbox, and a
/// <see cref="PeerEndpoint"/> serving every accepted connection.
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private const string StagingFolder = ".sharekit-staging";
    private readonly ITransport transport = Plugins.Tcp();
    private readonly IConnectionListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly ConcurrentQueue<Task> served = new();
    private readonly TaskCompletionSource<TransferOutcome> firstOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackReceiver(string root, IConnectionListener listener, ReceivePolicy? policy, string name)
    {
        Root = root;
        Store = Plugins.LocalStore(root);
        this.listener = listener;
        Progress = new RecordingProgress();
        Endpoint = new PeerEndpoint(new ReceiveContext
        {
            Store = Store,
            Policy = policy ?? new ReceivePolicy { Accept = AcceptRule.All },
            Node = new NodeIdentity(NodeId.NewRandom(), name),
            Progress = Progress,
        });
        acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The inbox folder on disk.</summary>
    public string Root { get; }

    public IFileStore Store { get; }

    public PeerEndpoint Endpoint { get; }

    public RecordingProgress Progress { get; }

    public Endpoint Address => listener.LocalEndpoint;

    /// <summary>The outcome of the first session served.</summary>
    public Task<TransferOutcome> Outcome => firstOutcome.Task.WaitAsync(TimeSpan.FromMinutes(2));

    public static async Task<LoopbackReceiver> StartAsync(TempDirectory temp, ReceivePolicy? policy = null, string name = "receiver", string inbox = "inbox")
    {
        var listener = await Plugins.Tcp().ListenAsync(Sdk.Endpoint.Parse("tcp://127.0.0.1:0"), CancellationToken.None);
        return new LoopbackReceiver(temp.Combine(inbox), listener, policy, name);
    }

    public string Full(string relative) => Path.Combine(Root, relative);

    /// <summary>What the share shows: every entry below the root except the store's staging folder.</summary>
    public IReadOnlyList<string> Listing() =>
        Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p))
            .Where(p => !p.StartsWith(StagingFolder, StringComparison.Ordinal))
            .ToList();

    /// <summary>Staged (uncommitted) content files and their lengths.</summary>
    public IReadOnlyList<long> StagedParts()
    {
        var staging = Path.Combine(Root, StagingFolder);
        return Directory.Exists(staging)
            ? Directory.GetFiles(staging, "*.part").Select(f => new FileInfo(f).Length).ToList()
            : [];
    }

    /// <summary>A connect function for <see cref="PeerSender.SendAsync"/>; <paramref name="faults"/> picks a test layer per connection (0 = the session).</summary>
    public Func<CancellationToken, ValueTask<IConnection>> Connector(Func<int, IWriteFault?>? faults = null, Action<FaultyConnection>? opened = null)
    {
        var count = 0;
        return async ct =>
        {
            var connection = await transport.ConnectAsync(Address, ct);
            var n = Interlocked.Increment(ref count) - 1;
            var wrapped = new FaultyConnection(connection, faults?.Invoke(n));
            opened?.Invoke(wrapped);
            return wrapped;
        };
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await listener.DisposeAsync();
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
            IConnection? connection;
            try
            {
                connection = await listener.AcceptAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ShareKitException or ObjectDisposedException)
            {
                return;
            }

            if (connection is null)
            {
                return;
            }

            served.Enqueue(ServeAsync(connection));
        }
    }

    private async Task ServeAsync(IConnection connection)
    {
        var outcome = await Endpoint.ServeConnectionAsync(connection, CancellationToken.None);
        if (outcome is not null)
        {
            firstOutcome.TrySetResult(outcome);
        }
    }
}
