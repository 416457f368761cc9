using System.Text;
using ShareKit.Sdk;
using ShareKit.Transport.Tests.Support;

namespace ShareKit.Transport.Tests.Tcp;

public sealed class TcpDualStackTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Listening_on_ipv6_any_accepts_an_ipv4_client()
    {
        var transport = TcpPluginHost.CreateTransport();
        await using var listener = await transport.ListenAsync(Endpoint.Parse("tcp://[::]:0"), CancellationToken.None);
        Assert.Equal("::", listener.LocalEndpoint.Host);

        var accepting = listener.AcceptAsync(CancellationToken.None).AsTask();
        await using var client = await transport.ConnectAsync(Endpoint.Parse($"tcp://127.0.0.1:{listener.LocalEndpoint.Port}"), CancellationToken.None);
        await using var server = await accepting.WaitAsync(Limit);

        Assert.NotNull(server);
        Assert.Equal("127.0.0.1", server.RemoteEndpoint.Host);
        await client.Transport.Output.WriteAsync("v4 through a v6 socket"u8.ToArray());
        await client.Transport.Output.CompleteAsync();
        var received = await ReadToEndAsync(server.Transport.Input);
        Assert.Equal("v4 through a v6 socket", received);
    }

    [Fact]
    public async Task Listening_on_ipv4_any_does_not_serve_ipv6_clients()
    {
        var transport = TcpPluginHost.CreateTransport();
        await using var listener = await transport.ListenAsync(Endpoint.Parse("tcp://0.0.0.0:0"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TransportException>(
            () => transport.ConnectAsync(Endpoint.Parse($"tcp://[::1]:{listener.LocalEndpoint.Port}"), CancellationToken.None).AsTask().WaitAsync(Limit));

        Assert.Equal(TransportFailure.Refused, error.Reason);
    }

    [Fact]
    public async Task A_host_name_connects_through_whichever_address_answers()
    {
        // localhost resolves from /etc/hosts (::1 and/or 127.0.0.1); only the v4 address listens.
        var transport = TcpPluginHost.CreateTransport();
        await using var listener = await transport.ListenAsync(Endpoint.Parse("tcp://127.0.0.1:0"), CancellationToken.None);

        var accepting = listener.AcceptAsync(CancellationToken.None).AsTask();
        await using var client = await transport.ConnectAsync(Endpoint.Parse($"tcp://localhost:{listener.LocalEndpoint.Port}"), CancellationToken.None);
        await using var server = await accepting.WaitAsync(Limit);

        Assert.NotNull(server);
        Assert.Equal("127.0.0.1", client.RemoteEndpoint.Host);
    }

    [Fact]
    public async Task Listening_where_another_listener_is_fails_with_address_in_use()
    {
        var transport = TcpPluginHost.CreateTransport();
        await using var first = await transport.ListenAsync(Endpoint.Parse("tcp://127.0.0.1:0"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ListenAsync(first.LocalEndpoint, CancellationToken.None).AsTask());

        Assert.Equal(TransportFailure.AddressInUse, error.Reason);
        Assert.Contains(first.LocalEndpoint.ToString(), error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ReadToEndAsync(System.IO.Pipelines.PipeReader reader)
    {
        using var cancel = new CancellationTokenSource(Limit);
        var text = new StringBuilder();
        for (var reads = 0; reads < 1000; reads++)
        {
            var result = await reader.ReadAsync(cancel.Token);
            foreach (var segment in result.Buffer)
            {
                text.Append(Encoding.UTF8.GetString(segment.Span));
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return text.ToString();
            }
        }

        throw new InvalidOperationException("The stream did not end after 1000 reads.");
    }
}
