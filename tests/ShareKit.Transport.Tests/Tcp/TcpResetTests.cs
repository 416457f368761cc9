using System.Net;
using System.Net.Sockets;
using ShareKit.Sdk;
using ShareKit.Transport.Tests.Support;

namespace ShareKit.Transport.Tests.Tcp;

public sealed class TcpResetTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_peer_reset_reaches_the_reader_as_connection_lost()
    {
        var transport = TcpPluginHost.CreateTransport();
        await using var listener = await transport.ListenAsync(Endpoint.Parse("tcp://127.0.0.1:0"), CancellationToken.None);
        var accepting = listener.AcceptAsync(CancellationToken.None).AsTask();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await peer.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.LocalEndpoint.Port));
        await using var server = await accepting.WaitAsync(Limit);
        Assert.NotNull(server);
        using var cancel = new CancellationTokenSource(Limit);

        await peer.SendAsync("partial"u8.ToArray());
        var first = await server.Transport.Input.ReadAtLeastAsync(7, cancel.Token);
        Assert.Equal(7, first.Buffer.Length);
        server.Transport.Input.AdvanceTo(first.Buffer.End);

        // Linger 0 makes close send RST instead of FIN: the peer crashed rather than finished.
        peer.LingerState = new LingerOption(true, 0);
        peer.Close();

        var error = await Assert.ThrowsAsync<TransportException>(() => server.Transport.Input.ReadAsync(cancel.Token).AsTask());
        Assert.Equal(TransportFailure.ConnectionLost, error.Reason);
        Assert.Contains("reset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_to_a_reset_peer_fails_the_flush_with_connection_lost()
    {
        var transport = TcpPluginHost.CreateTransport();
        await using var listener = await transport.ListenAsync(Endpoint.Parse("tcp://127.0.0.1:0"), CancellationToken.None);
        var accepting = listener.AcceptAsync(CancellationToken.None).AsTask();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await peer.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.LocalEndpoint.Port));
        await using var server = await accepting.WaitAsync(Limit);
        Assert.NotNull(server);
        peer.LingerState = new LingerOption(true, 0);
        peer.Close();
        using var cancel = new CancellationTokenSource(Limit);
        var chunk = new byte[64 * 1024];

        var error = await Assert.ThrowsAsync<TransportException>(async () =>
        {
            // Bounded: the first send after the reset fails, so this ends long before 4096 chunks.
            for (var i = 0; i < 4096; i++)
            {
                await server.Transport.Output.WriteAsync(chunk, cancel.Token);
            }
        });

        Assert.Equal(TransportFailure.ConnectionLost, error.Reason);
    }

    [Fact]
    public async Task Completing_output_with_an_error_resets_the_peer_instead_of_ending_cleanly()
    {
        var transport = TcpPluginHost.CreateTransport();
        await using var listener = await transport.ListenAsync(Endpoint.Parse("tcp://127.0.0.1:0"), CancellationToken.None);
        var accepting = listener.AcceptAsync(CancellationToken.None).AsTask();
        await using var client = await transport.ConnectAsync(listener.LocalEndpoint, CancellationToken.None);
        await using var server = await accepting.WaitAsync(Limit);
        Assert.NotNull(server);
        using var cancel = new CancellationTokenSource(Limit);

        await client.Transport.Output.CompleteAsync(new InvalidOperationException("the sender failed halfway"));

        var error = await Assert.ThrowsAsync<TransportException>(async () =>
        {
            for (var reads = 0; reads < 100; reads++)
            {
                var result = await server.Transport.Input.ReadAsync(cancel.Token);
                server.Transport.Input.AdvanceTo(result.Buffer.End);
                Assert.False(result.IsCompleted, "The peer saw a clean end of stream although the sender failed.");
            }
        });
        Assert.Equal(TransportFailure.ConnectionLost, error.Reason);
    }
}
