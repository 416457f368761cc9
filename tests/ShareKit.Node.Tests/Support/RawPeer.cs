using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Nerdbank.Streams;
using ShareKit.Host.Node;
using ShareKit.Host.Node.Messages;

namespace ShareKit.Node.Tests.Support;

/// <summary>A hand-driven sending peer that can break every rule: raw frames, crafted offers, lying data lanes.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly SocketConnection connection;
    private readonly MultiplexingStream mux;
    private readonly IDuplexPipe control;
    private readonly ControlChannel channel;

    private RawPeer(SocketConnection connection, MultiplexingStream mux, IDuplexPipe control)
    {
        this.connection = connection;
        this.mux = mux;
        this.control = control;
        channel = new ControlChannel(control.Input, control.Output);
    }

    public static string TransferId { get; } = new('a', 32);

    public static async Task<RawPeer> ConnectAsync(IPEndPoint address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address);
        var connection = new SocketConnection(socket);
        await Preamble.WriteAsync(connection.Transport.Output, ConnectionKind.Session, CancellationToken.None);
        var mux = await MultiplexingStream.CreateAsync(connection.Transport.AsStream(), new MultiplexingStream.Options { ProtocolMajorVersion = 3 });
        var control = await mux.OfferChannelAsync("control");
        return new RawPeer(connection, mux, control);
    }

    /// <summary>Connects and exchanges a valid Hello.</summary>
    public static async Task<RawPeer> GreetAsync(IPEndPoint address)
    {
        var peer = await ConnectAsync(address);
        await peer.SendJsonAsync(HelloJson(1));
        Assert.IsType<Hello>(await peer.ReceiveAsync());
        return peer;
    }

    public static string HelloJson(int major) =>
        $$"""{"type":"hello","version":{"major":{{major}},"minor":0},"nodeId":"{{new string('b', 32)}}","name":"raw","capabilities":[]}""";

    public static string OfferJson(params string[] items) =>
        $$"""{"type":"offer","transferId":"{{TransferId}}","items":[{{string.Join(",", items)}}],"last":true}""";

    public static string FileJson(string path, long size) =>
        $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(path)}},"kind":"file","size":{{size}},"mtime":"2020-01-01T00:00:00Z"}""";

    public static string DirJson(string path) =>
        $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(path)}},"kind":"dir","size":0,"mtime":"2020-01-01T00:00:00Z"}""";

    public Task SendJsonAsync(string json) => SendRawAsync(Encoding.UTF8.GetBytes(json));

    public async Task SendRawAsync(byte[] payload, int? claimedLength = null)
    {
        var prefix = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, claimedLength ?? payload.Length);
        await control.Output.WriteAsync(prefix);
        await control.Output.WriteAsync(payload);
    }

    /// <summary>The next control message, or null when the receiver closed.</summary>
    public async Task<Message?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await channel.ReceiveAsync(timeout.Token);
    }

    /// <summary>Reads messages until an Error arrives (or the session ends) and returns its text.</summary>
    public async Task<string> ReceiveErrorAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            switch (await ReceiveAsync())
            {
                case Error error:
                    return error.Message;
                case null:
                    return "(closed without an error)";
            }
        }

        return "(no error)";
    }

    public async Task<IDuplexPipe> OpenLaneAsync() => await mux.OfferChannelAsync("lane");

    public async ValueTask DisposeAsync()
    {
        await mux.DisposeAsync();
        await connection.DisposeAsync();
    }
}
