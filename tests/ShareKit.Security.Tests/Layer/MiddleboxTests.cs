using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ShareKit.Sdk;
using ShareKit.Security.Tests.Support;

namespace ShareKit.Security.Tests.Layer;

public sealed class MiddleboxTests
{
    [Fact]
    public async Task An_honest_middlebox_changes_nothing()
    {
        var (sent, received) = await TransferThroughAsync(Fault.None);

        Assert.Equal(SHA256.HashData(sent), SHA256.HashData(await received));
    }

    [Theory]
    [InlineData(Fault.FlipByte, "failed authentication")]
    [InlineData(Fault.DropRecord, "failed authentication")]
    [InlineData(Fault.ReplayRecord, "failed authentication")]
    [InlineData(Fault.ReorderTwo, "failed authentication")]
    [InlineData(Fault.Truncate, "truncated")]
    public async Task Each_kind_of_damage_is_detected_and_ends_the_connection(Fault fault, string expected)
    {
        var (sent, received) = await TransferThroughAsync(fault);

        var error = await Assert.ThrowsAsync<ProtocolException>(() => received);
        Assert.Contains(expected, error.Message);
        Assert.True(sent.Length > 0);
    }

    private static async Task<(byte[] Sent, Task<byte[]> Received)> TransferThroughAsync(Fault fault)
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        await using var middlebox = new Middlebox(listener.LocalEndPoint!, fault, target: 3);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(middlebox.Endpoint);
        var server = await listener.AcceptAsync();

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var serverTask = bob.Layer.ApplyAsync(new SocketConnection(server), ConnectionRole.Responder, cts.Token).AsTask();
        await using var initiator = await alice.Layer.ApplyAsync(new SocketConnection(client), ConnectionRole.Initiator, cts.Token);
        await using var responder = await serverTask;

        // Twenty records or more: each write is flushed on its own.
        var data = PipeData.Random(20 * 50_000);
        var receiving = PipeData.ReadToEndAsync(responder.Transport.Input);
        await PipeData.WriteAsync(initiator.Transport.Output, data, chunk: 50_000);
        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (ProtocolException)
        {
        }

        return (data, receiving);
    }
}
