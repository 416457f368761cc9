using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ShareKit.Sdk;

namespace ShareKit.Security.Tests.Support;

/// <summary>A minimal IConnection over a connected TCP socket (until the tcp transport plugin is on main).</summary>
public sealed class SocketConnection : IConnection
{
    private readonly Socket socket;
    private readonly NetworkStream stream;

    public SocketConnection(Socket socket)
    {
        this.socket = socket;
        socket.NoDelay = true;
        stream = new NetworkStream(socket, ownsSocket: false);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        var output = new ShutdownOnCompleteWriter(PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true)), socket);
        Transport = new DuplexPipe(input, output);
        LocalEndpoint = Endpoint.ForNetwork("tcp", (IPEndPoint)socket.LocalEndPoint!);
        RemoteEndpoint = Endpoint.ForNetwork("tcp", (IPEndPoint)socket.RemoteEndPoint!);
    }

    public IDuplexPipe Transport { get; }

    public Endpoint LocalEndpoint { get; }

    public Endpoint RemoteEndpoint { get; }

    public PeerIdentity? Peer => null;

    public bool IsDisposed { get; private set; }

    public ValueTask DisposeAsync()
    {
        IsDisposed = true;
        stream.Dispose();
        socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Completing the output half-closes the socket, as the SDK contract says.</summary>
    private sealed class ShutdownOnCompleteWriter(PipeWriter inner, Socket socket) : PipeWriter
    {
        public override void Advance(int bytes) => inner.Advance(bytes);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            try
            {
                inner.Complete(exception);
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
            {
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
    }
}
