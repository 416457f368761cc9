using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ShareKit.Sdk;

namespace ShareKit.Bench.Peer;

/// <summary>
/// Bench connection over a real loopback socket (until the TCP plugin is on main). Writes go
/// through an optional stream wrapper (to cut or damage traffic); completing Output half-closes the socket.
/// </summary>
internal sealed class SocketConnection : IConnection, IDuplexPipe
{
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly Pipe outgoing = new();
    private readonly Task pump;

    public SocketConnection(Socket socket, Func<Stream, Stream>? wrapWrites = null)
    {
        this.socket = socket;
        socket.NoDelay = true;
        stream = new NetworkStream(socket, ownsSocket: false);
        Input = PipeReader.Create(stream);
        pump = PumpAsync(wrapWrites?.Invoke(stream) ?? stream);
        LocalEndpoint = Endpoint.ForNetwork("tcp", (IPEndPoint)socket.LocalEndPoint!);
        RemoteEndpoint = Endpoint.ForNetwork("tcp", (IPEndPoint)socket.RemoteEndPoint!);
    }

    public IDuplexPipe Transport => this;

    public PipeReader Input { get; }

    public PipeWriter Output => outgoing.Writer;

    public Endpoint LocalEndpoint { get; }

    public Endpoint RemoteEndpoint { get; }

    public PeerIdentity? Peer { get; init; }

    public async ValueTask DisposeAsync()
    {
        await outgoing.Writer.CompleteAsync();
        await pump;
        await Input.CompleteAsync();
        socket.Dispose();
    }

    private async Task PumpAsync(Stream target)
    {
        var reader = outgoing.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                foreach (var segment in result.Buffer)
                {
                    await target.WriteAsync(segment);
                }

                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            socket.Shutdown(SocketShutdown.Send);
            await reader.CompleteAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            socket.Close(0);
            await reader.CompleteAsync(e);
        }
    }
}
