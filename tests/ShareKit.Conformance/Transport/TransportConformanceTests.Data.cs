using System.Text;
using ShareKit.Sdk;
using Xunit;

namespace ShareKit.Conformance.Transport;

/// <summary>Moving bytes: port 0, both directions, bulk, half-close, many connections.</summary>
public abstract partial class TransportConformanceTests
{
    private const int ConcurrentConnections = 100;
    private const long BothWaysBytes = 32L << 20;
    private const int LargeWriteBytes = 8 << 20;

    /// <summary>Listening on port 0 reports the port really bound, and a client reaches it there.</summary>
    [Fact]
    public async Task Listen_on_port_zero_reports_the_real_port_and_accepts_there()
    {
        var transport = CreateTransport();
        var listener = await ListenAsync(transport);
        if (ListenEndpoint.IsNetwork)
        {
            Assert.NotEqual(0, listener.LocalEndpoint.Port);
        }

        var (client, server) = await ConnectPairAsync(transport, listener);
        if (ListenEndpoint.IsNetwork)
        {
            Assert.Equal(listener.LocalEndpoint.Port, client.RemoteEndpoint.Port);
            Assert.Equal(listener.LocalEndpoint.Port, server.LocalEndpoint.Port);
        }

        await PipeMessages.WriteAsync(client.Transport.Output, "ping"u8.ToArray(), Within(StepLimit));
        await client.Transport.Output.CompleteAsync();
        Assert.Equal("ping", Encoding.ASCII.GetString(await PipeMessages.ReadToEndAsync(server.Transport.Input, Within(StepLimit))));
    }

    /// <summary>Both sides send and receive at the same time without deadlocking or mixing up bytes.</summary>
    [Fact]
    public async Task Both_directions_carry_data_at_the_same_time()
    {
        var (client, server) = await ConnectPairAsync();
        var bytes = Math.Min(BulkBytes, BothWaysBytes);
        var ct = Within(TransferLimit(2 * bytes));

        var clientSends = TestPattern.SendAsync(client.Transport.Output, bytes, 0, ct);
        var serverSends = TestPattern.SendAsync(server.Transport.Output, bytes, 12345, ct);
        var serverReceives = TestPattern.ReceiveAsync(server.Transport.Input, ct);
        var clientReceives = TestPattern.ReceiveAsync(client.Transport.Input, ct);
        await Task.WhenAll(clientSends, serverSends, serverReceives, clientReceives).WaitAsync(TransferLimit(2 * bytes));

        AssertSame(await clientSends, await serverReceives, "client to server");
        AssertSame(await serverSends, await clientReceives, "server to client");
    }

    /// <summary><see cref="BulkBytes"/> arrive complete, in order and unchanged.</summary>
    [Fact]
    public async Task Bulk_bytes_arrive_complete_and_unchanged()
    {
        var (client, server) = await ConnectPairAsync();
        var ct = Within(TransferLimit(BulkBytes));

        var sending = TestPattern.SendAsync(client.Transport.Output, BulkBytes, 0, ct);
        var receiving = TestPattern.ReceiveAsync(server.Transport.Input, ct);
        await Task.WhenAll(sending, receiving).WaitAsync(TransferLimit(BulkBytes));

        AssertSame(await sending, await receiving, "bulk");
    }

    /// <summary>One write far larger than any buffer (so it spans many pipe segments) arrives intact.</summary>
    [Fact]
    public async Task A_single_large_write_arrives_intact()
    {
        var (client, server) = await ConnectPairAsync();
        var ct = Within(TransferLimit(LargeWriteBytes));
        var data = new byte[LargeWriteBytes];
        new Random(7).NextBytes(data);
        var expected = new RollingChecksum();
        expected.Append(data);

        var receiving = TestPattern.ReceiveAsync(server.Transport.Input, ct);
        await PipeMessages.WriteAsync(client.Transport.Output, data, ct);
        await client.Transport.Output.CompleteAsync();

        AssertSame(expected, await receiving.WaitAsync(TransferLimit(LargeWriteBytes)), "one large write");
    }

    /// <summary>Completing Output ends the peer's Input, while the other direction keeps working.</summary>
    [Fact]
    public async Task Completing_output_half_closes_and_the_reply_still_arrives()
    {
        var (client, server) = await ConnectPairAsync();
        var ct = Within(StepLimit);

        await PipeMessages.WriteAsync(client.Transport.Output, "question"u8.ToArray(), ct);
        await client.Transport.Output.CompleteAsync();
        var question = await PipeMessages.ReadToEndAsync(server.Transport.Input, ct).WaitAsync(StepLimit);
        Assert.Equal("question", Encoding.ASCII.GetString(question));

        await PipeMessages.WriteAsync(server.Transport.Output, "answer after your end of stream"u8.ToArray(), ct);
        await server.Transport.Output.CompleteAsync();
        var answer = await PipeMessages.ReadToEndAsync(client.Transport.Input, ct).WaitAsync(StepLimit);
        Assert.Equal("answer after your end of stream", Encoding.ASCII.GetString(answer));
    }

    /// <summary>Many connections open at once each get their own bytes echoed back.</summary>
    [Fact]
    public async Task Many_concurrent_connections_each_echo_their_own_bytes()
    {
        var transport = CreateTransport();
        var listener = await ListenAsync(transport);
        var ct = Within(TransferLimit(ConcurrentConnections * 64 * 1024));

        var serving = ServeEchoAsync(listener, ConcurrentConnections, ct);
        var clients = Enumerable.Range(0, ConcurrentConnections).Select(i => EchoRoundTripAsync(transport, listener.LocalEndpoint, i, ct));
        await Task.WhenAll(clients).WaitAsync(TransferLimit(ConcurrentConnections * 64 * 1024));
        await serving.WaitAsync(StepLimit);
    }

    private async Task ServeEchoAsync(IConnectionListener listener, int count, CancellationToken ct)
    {
        var echoes = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var connection = await listener.AcceptAsync(ct);
            Assert.True(connection is not null, $"AcceptAsync returned null for connection {i + 1} of {count}.");
            echoes.Add(PipeMessages.EchoAsync(Own(connection).Transport, ct));
        }

        await Task.WhenAll(echoes);
    }

    private async Task EchoRoundTripAsync(ITransport transport, Endpoint endpoint, int index, CancellationToken ct)
    {
        var message = TestPattern.Slice(index * 7919L, 4096 + (index * 37)).ToArray();
        var client = Own(await transport.ConnectAsync(endpoint, ct));
        await PipeMessages.WriteAsync(client.Transport.Output, message, ct);
        await client.Transport.Output.CompleteAsync();
        var echoed = await PipeMessages.ReadToEndAsync(client.Transport.Input, ct);
        Assert.True(message.AsSpan().SequenceEqual(echoed), $"Connection {index} got {echoed.Length} bytes back that differ from the {message.Length} it sent.");
    }

    private static void AssertSame(RollingChecksum sent, RollingChecksum received, string direction)
    {
        Assert.True(sent.Length == received.Length, $"{direction}: sent {sent.Length} bytes, received {received.Length}.");
        Assert.True(sent.Value == received.Value, $"{direction}: all {sent.Length} bytes arrived but their content or order differs.");
    }
}
