using System.IO.Pipelines;
using System.Net.Sockets;
using ShareKit.Sdk;

namespace ShareKit.Transport.UnixSocket;

/// <summary>
/// A connected socket seen as an <see cref="IDuplexPipe"/>: one loop moves received bytes into <see cref="Input"/>,
/// another sends what is written to <see cref="Output"/>. The caller reads and writes the pipes from any one thread
/// per direction at a time (the pipes' rule); this class never blocks a thread.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Completing <see cref="Output"/> sends what is buffered, then shuts down the socket's sending side: the peer
/// reads end of stream while it can still send to us (half-close).</item>
/// <item>The peer's half-close completes <see cref="Input"/>: a read returns <c>IsCompleted</c> after the last bytes.</item>
/// <item>A broken connection completes <see cref="Input"/> with a <see cref="TransportException"/>
/// (<see cref="TransportFailure.ConnectionLost"/>), and a flush of <see cref="Output"/> throws it.</item>
/// <item><see cref="DisposeAsync"/> lets buffered output drain for a moment, then closes the socket; a read pending
/// on <see cref="Input"/> returns with <c>IsCompleted</c>.</item>
/// </list>
/// </remarks>
internal sealed class SocketConnection : IConnection, IDuplexPipe
{
    private const int MinimumReceiveBuffer = 8 * 1024;

    // Back-pressure: a reader that falls 1 MiB behind stops the receive loop until it catches up to half of that.
    private static readonly PipeOptions PipeOptions = new(
        pauseWriterThreshold: 1024 * 1024,
        resumeWriterThreshold: 512 * 1024,
        minimumSegmentSize: 16 * 1024,
        useSynchronizationContext: false);

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket socket;
    private readonly Pipe incoming = new(PipeOptions);
    private readonly Pipe outgoing = new(PipeOptions);
    private readonly CancellationTokenSource closing = new();
    private Task receiving = Task.CompletedTask;
    private Task sending = Task.CompletedTask;
    private int disposed;

    private SocketConnection(Socket socket, Endpoint localEndpoint, Endpoint remoteEndpoint)
    {
        this.socket = socket;
        LocalEndpoint = localEndpoint;
        RemoteEndpoint = remoteEndpoint;
    }

    /// <summary>The connection's pipes: read the peer's bytes from Input, write to Output.</summary>
    public IDuplexPipe Transport => this;

    /// <summary>Bytes from the peer.</summary>
    public PipeReader Input => incoming.Reader;

    /// <summary>Bytes to the peer; complete it to half-close.</summary>
    public PipeWriter Output => outgoing.Writer;

    /// <summary>This side's address.</summary>
    public Endpoint LocalEndpoint { get; }

    /// <summary>The peer's address.</summary>
    public Endpoint RemoteEndpoint { get; }

    /// <summary>A plain transport authenticates nobody; a layer such as <c>encrypted</c> sets the peer.</summary>
    public PeerIdentity? Peer => null;

    /// <summary>Wraps a connected socket and starts moving bytes; the connection owns the socket from here on.</summary>
    public static SocketConnection Start(Socket socket, Endpoint localEndpoint, Endpoint remoteEndpoint)
    {
        var connection = new SocketConnection(socket, localEndpoint, remoteEndpoint);
        connection.receiving = connection.ReceiveLoopAsync();
        connection.sending = connection.SendLoopAsync();
        return connection;
    }

    /// <summary>Closes both directions and releases the socket. Safe to call more than once and from any thread.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Bytes already written should still reach the peer: end the output and let the send loop drain it,
        // but never wait long for a peer that does not read.
        await outgoing.Writer.CompleteAsync().ConfigureAwait(false);
        await sending.WaitAsync(DrainTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await closing.CancelAsync().ConfigureAwait(false);
        socket.Dispose();
        await receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        closing.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? error = null;
        var writer = incoming.Writer;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(MinimumReceiveBuffer);
                var received = await socket.ReceiveAsync(memory, SocketFlags.None, closing.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    break; // The peer half-closed: Input ends after the bytes already there.
                }

                writer.Advance(received);
                var flush = await writer.FlushAsync(closing.Token).ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    break; // The reader completed Input: nobody wants more bytes.
                }
            }
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            // Disposed: Input simply ends.
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException) when (closing.IsCancellationRequested)
        {
        }
        catch (SocketException e)
        {
            error = SocketErrors.ForTransfer(e, RemoteEndpoint);
        }
        finally
        {
            await writer.CompleteAsync(error).ConfigureAwait(false);
        }
    }

    private async Task SendLoopAsync()
    {
        Exception? error = null;
        var reader = outgoing.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(closing.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    foreach (var segment in buffer)
                    {
                        await SendAllAsync(segment).ConfigureAwait(false);
                    }
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            // The writer completed Output and everything is sent: tell the peer no more bytes come.
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException) when (closing.IsCancellationRequested)
        {
        }
        catch (SocketException e)
        {
            error = SocketErrors.ForTransfer(e, RemoteEndpoint);
        }
        finally
        {
            await reader.CompleteAsync(error).ConfigureAwait(false);
        }
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, closing.Token).ConfigureAwait(false);
            data = data[sent..];
        }
    }
}
