using ShareKit.Sdk;
using ShareKit.Transport.Tests.Support;

namespace ShareKit.Transport.Tests.Tcp;

public sealed class TcpConnectErrorTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_connect_nobody_answers_times_out_naming_the_endpoint_and_the_setting()
    {
        using var silent = new FullBacklogListener();
        var transport = TcpPluginHost.CreateTransport(new Dictionary<string, string?> { ["connectTimeoutSeconds"] = "0.5" });
        var remote = Endpoint.Parse($"tcp://127.0.0.1:{silent.Port}");

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ConnectAsync(remote, CancellationToken.None).AsTask().WaitAsync(Limit));

        Assert.Equal(TransportFailure.TimedOut, error.Reason);
        Assert.Contains("tcp://127.0.0.1:" + silent.Port, error.Message, StringComparison.Ordinal);
        Assert.Contains("connectTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_pending_connect_throws_operation_cancelled_not_timeout()
    {
        using var silent = new FullBacklogListener();
        var transport = TcpPluginHost.CreateTransport(new Dictionary<string, string?> { ["connectTimeoutSeconds"] = "60" });
        using var cancel = new CancellationTokenSource();

        var connecting = transport.ConnectAsync(Endpoint.Parse($"tcp://127.0.0.1:{silent.Port}"), cancel.Token).AsTask();
        Assert.False(connecting.IsCompleted, "The connect completed although the listener's queue is full.");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting.WaitAsync(Limit));
    }

    [Fact]
    public async Task An_unknown_host_is_reported_by_name()
    {
        // A 64-character label is invalid DNS, so the resolver refuses it locally: no query leaves the machine.
        var host = new string('x', 64) + ".invalid";
        var transport = TcpPluginHost.CreateTransport();

        var error = await Assert.ThrowsAsync<TransportException>(
            () => transport.ConnectAsync(Endpoint.Parse($"tcp://{host}:9"), CancellationToken.None).AsTask().WaitAsync(Limit));

        Assert.Equal(TransportFailure.UnknownHost, error.Reason);
        Assert.Contains(host, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_refused_says_nothing_is_listening_there()
    {
        var transport = TcpPluginHost.CreateTransport();
        var listener = await transport.ListenAsync(Endpoint.Parse("tcp://127.0.0.1:0"), CancellationToken.None);
        var closed = listener.LocalEndpoint;
        await listener.DisposeAsync();

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ConnectAsync(closed, CancellationToken.None).AsTask().WaitAsync(Limit));

        Assert.Equal($"Nothing is listening at {closed}: connection refused.", error.Message);
    }
}
