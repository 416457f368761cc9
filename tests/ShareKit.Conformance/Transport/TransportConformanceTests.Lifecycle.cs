using ShareKit.Sdk;
using Xunit;

namespace ShareKit.Conformance.Transport;

/// <summary>Cancellation, disposal and refusal.</summary>
public abstract partial class TransportConformanceTests
{
    /// <summary>ConnectAsync with a cancelled token throws <see cref="OperationCanceledException"/> and connects nothing.</summary>
    [Fact]
    public async Task Connect_with_a_cancelled_token_is_cancelled()
    {
        var transport = CreateTransport();
        var listener = await ListenAsync(transport);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => transport.ConnectAsync(listener.LocalEndpoint, new CancellationToken(canceled: true)).AsTask().WaitAsync(StepLimit));
    }

    /// <summary>Cancelling a pending AcceptAsync throws promptly, and the listener keeps accepting afterwards.</summary>
    [Fact]
    public async Task Cancelling_a_pending_accept_throws_and_the_listener_still_accepts()
    {
        var transport = CreateTransport();
        var listener = await ListenAsync(transport);
        using var cancel = new CancellationTokenSource();

        var accepting = listener.AcceptAsync(cancel.Token).AsTask();
        Assert.False(accepting.IsCompleted, "AcceptAsync completed although no client connected.");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting.WaitAsync(StepLimit));

        await ConnectPairAsync(transport, listener);
    }

    /// <summary>AcceptAsync with a cancelled token throws <see cref="OperationCanceledException"/>.</summary>
    [Fact]
    public async Task Accept_with_a_cancelled_token_is_cancelled()
    {
        var listener = await ListenAsync(CreateTransport());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => listener.AcceptAsync(new CancellationToken(canceled: true)).AsTask().WaitAsync(StepLimit));
    }

    /// <summary>Disposing the listener makes a pending AcceptAsync return null, and later ones too.</summary>
    [Fact]
    public async Task Disposing_the_listener_makes_pending_accept_return_null()
    {
        var listener = await ListenAsync(CreateTransport());

        var accepting = listener.AcceptAsync(Within(StepLimit)).AsTask();
        await listener.DisposeAsync().AsTask().WaitAsync(StepLimit);

        Assert.Null(await accepting.WaitAsync(StepLimit));
        Assert.Null(await listener.AcceptAsync(Within(StepLimit)).AsTask().WaitAsync(StepLimit));
    }

    /// <summary>Disposing a connection while its own Input has a pending read ends that read (end of stream or an error).</summary>
    [Fact]
    public async Task Disposing_a_connection_ends_its_pending_read()
    {
        var (_, server) = await ConnectPairAsync();

        var reading = server.Transport.Input.ReadAsync(Within(StepLimit)).AsTask();
        Assert.False(reading.IsCompleted, "ReadAsync completed although the peer sent nothing.");
        await server.DisposeAsync().AsTask().WaitAsync(StepLimit);

        await AssertReadEndsAsync(reading, "after disposing the connection");
    }

    /// <summary>When the peer disposes its connection, a pending read here ends (end of stream or an error).</summary>
    [Fact]
    public async Task Peer_disposing_ends_a_pending_read()
    {
        var (client, server) = await ConnectPairAsync();

        var reading = server.Transport.Input.ReadAsync(Within(StepLimit)).AsTask();
        await client.DisposeAsync().AsTask().WaitAsync(StepLimit);

        await AssertReadEndsAsync(reading, "after the peer disposed its connection");
    }

    /// <summary>Connecting where nothing listens fails with <see cref="TransportFailure.Refused"/> and names the endpoint.</summary>
    [Fact]
    public async Task Connect_where_nothing_listens_is_refused()
    {
        var transport = CreateTransport();
        var listener = await transport.ListenAsync(ListenEndpoint, Within(StepLimit));
        var closed = listener.LocalEndpoint;
        await listener.DisposeAsync();

        var error = await Assert.ThrowsAsync<TransportException>(
            () => transport.ConnectAsync(closed, Within(StepLimit)).AsTask().WaitAsync(StepLimit));

        Assert.Equal(TransportFailure.Refused, error.Reason);
        Assert.True(error.Message.Contains(closed.ToString(), StringComparison.Ordinal), $"The message '{error.Message}' does not name {closed}.");
    }

    private async Task AssertReadEndsAsync(Task<System.IO.Pipelines.ReadResult> reading, string when)
    {
        try
        {
            var result = await reading.WaitAsync(StepLimit);
            Assert.True(result.IsCompleted || result.IsCanceled, $"A pending read {when} returned data instead of ending.");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"A pending read did not end within {StepLimit.TotalSeconds} s {when}.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // An error is an allowed way to end the read.
        }
    }
}
