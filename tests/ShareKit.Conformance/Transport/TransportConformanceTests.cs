using ShareKit.Sdk;
using Xunit;

namespace ShareKit.Conformance.Transport;

/// <summary>
/// The behaviour every <see cref="ITransport"/> must show. Derive a class in your test project, return your
/// transport from <see cref="CreateTransport"/> and an endpoint to listen on from <see cref="ListenEndpoint"/>;
/// xunit then runs every test here against it. Each wait is bounded, so a broken transport fails, never hangs.
/// </summary>
public abstract partial class TransportConformanceTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>Makes the transport under test; called once per test.</summary>
    protected abstract ITransport CreateTransport();

    /// <summary>Where to listen, with port 0 for network transports (e.g. <c>tcp://127.0.0.1:0</c>).</summary>
    protected abstract Endpoint ListenEndpoint { get; }

    /// <summary>How many bytes the bulk test sends (default 1 GiB).</summary>
    protected virtual long BulkBytes => 1L << 30;

    /// <summary>The limit for one ordinary step (connect, accept, a small exchange).</summary>
    protected virtual TimeSpan StepLimit => TimeSpan.FromSeconds(20);

    /// <summary>The limit for moving <paramref name="bytes"/>: generous, since the machine may be busy.</summary>
    protected virtual TimeSpan TransferLimit(long bytes) => StepLimit + TimeSpan.FromSeconds(bytes / (10.0 * 1024 * 1024));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().AsTask().WaitAsync(StepLimit);
        }
    }

    /// <summary>Disposes <paramref name="item"/> when the test ends.</summary>
    protected T Own<T>(T item)
        where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    /// <summary>A token that cancels after <paramref name="limit"/>, so a stuck read or write ends the test.</summary>
    protected static CancellationToken Within(TimeSpan limit) => new CancellationTokenSource(limit).Token;

    /// <summary>Listens at <see cref="ListenEndpoint"/>; the listener is disposed when the test ends.</summary>
    protected async Task<IConnectionListener> ListenAsync(ITransport transport) =>
        Own(await transport.ListenAsync(ListenEndpoint, Within(StepLimit)).AsTask().WaitAsync(StepLimit));

    /// <summary>Connects a client to <paramref name="listener"/> and accepts it: (client side, server side).</summary>
    protected async Task<(IConnection Client, IConnection Server)> ConnectPairAsync(ITransport transport, IConnectionListener listener)
    {
        var accepting = listener.AcceptAsync(Within(StepLimit)).AsTask();
        var client = Own(await transport.ConnectAsync(listener.LocalEndpoint, Within(StepLimit)).AsTask().WaitAsync(StepLimit));
        var server = await accepting.WaitAsync(StepLimit);
        Assert.True(server is not null, "AcceptAsync returned null although the listener is open and a client connected.");
        return (client, Own(server));
    }

    /// <summary>Listens, connects and accepts in one step.</summary>
    protected async Task<(IConnection Client, IConnection Server)> ConnectPairAsync()
    {
        var transport = CreateTransport();
        return await ConnectPairAsync(transport, await ListenAsync(transport));
    }
}
