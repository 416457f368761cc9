using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Transport.Tcp;

/// <summary>
/// A connected socket as a pair of pipes, pumped the way Kestrel's socket transport does it: a receive loop
/// reading straight into <see cref="PipeWriter.GetMemory"/> of the input pipe, and a send loop writing the
/// output pipe's segments to the socket. A peer reset reaches the reader of <see cref="Transport"/>.Input as a
/// <see cref="TransportException"/> with <see cref="TransportFailure.ConnectionLost"/> (the socket error inside).
/// </summary>
internal sealed class TcpConnection : IConnection
{
    // Well under IOV_MAX (1024); the pipe's pause threshold holds about 16 segments anyway.
    private const int MaxGatherSegments = 32;

    // How long DisposeAsync lets already written bytes drain to a peer that has stopped reading.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly ILogger _logger;
    private readonly Task _receiving;
    private readonly Task _sending;
    private readonly Lock _closeLock = new();
    private readonly List<ArraySegment<byte>> _gather = new(MaxGatherSegments);
    private Task? _disposing;
    private volatile bool _disposed;

    public TcpConnection(Socket socket, Endpoint remoteEndpoint, ILoggerFactory loggerFactory)
    {
        _socket = socket;
        _logger = loggerFactory.CreateLogger<TcpConnection>();
        LocalEndpoint = Endpoint.ForNetwork(TcpTransport.SchemeName, (IPEndPoint)socket.LocalEndPoint!);
        RemoteEndpoint = socket.RemoteEndPoint is IPEndPoint remote
            ? Endpoint.ForNetwork(TcpTransport.SchemeName, remote)
            : remoteEndpoint;
        _input = new Pipe(PipeTuning.Input);
        _output = new Pipe(PipeTuning.Output);
        Transport = new DuplexPipe(_input.Reader, _output.Writer);
        _receiving = ReceiveLoopAsync();
        _sending = SendLoopAsync();
    }

    public IDuplexPipe Transport { get; }

    public Endpoint LocalEndpoint { get; }

    public Endpoint RemoteEndpoint { get; }

    public PeerIdentity? Peer => null;

    public ValueTask DisposeAsync()
    {
        lock (_closeLock)
        {
            _disposing ??= CloseAsync();
        }

        return new ValueTask(_disposing);
    }

    private async Task CloseAsync()
    {
        // What the application wrote before disposing still goes out (bounded), then both directions close.
        _output.Writer.Complete();
        await Task.WhenAny(_sending, Task.Delay(DrainTimeout)).ConfigureAwait(false);
        _disposed = true;
        ShutdownQuietly(SocketShutdown.Both);
        _socket.Dispose();
        _input.Writer.CancelPendingFlush();
        _output.Reader.CancelPendingRead();
        await Task.WhenAll(_receiving, _sending).ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync()
    {
        await Task.Yield();
        Exception? failure = null;
        var writer = _input.Writer;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(PipeTuning.MinimumReceiveSize);
                var received = await _socket.ReceiveAsync(memory, SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                writer.Advance(received);
                var flushed = await writer.FlushAsync().ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            if (!_disposed)
            {
                TcpLog.ConnectionBroke(_logger, RemoteEndpoint, error);
                failure = SocketErrors.ForTransfer(RemoteEndpoint, error);
            }
        }
        catch (Exception error)
        {
            // The application completed its reader with an error (the flush rethrows it): stop receiving.
            failure = error;
        }

        await writer.CompleteAsync(failure).ConfigureAwait(false);
    }

    private async Task SendLoopAsync()
    {
        await Task.Yield();
        Exception? failure = null;
        var reader = _output.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                if (result.IsCanceled)
                {
                    break;
                }

                if (!buffer.IsEmpty)
                {
                    await SendAsync(buffer).ConfigureAwait(false);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    ShutdownQuietly(SocketShutdown.Send);
                    break;
                }
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            if (!_disposed)
            {
                TcpLog.ConnectionBroke(_logger, RemoteEndpoint, error);
            }

            failure = SocketErrors.ForTransfer(RemoteEndpoint, error);
        }
        catch (Exception error)
        {
            // The application completed Output with an error: the peer must not mistake what it got for the
            // whole stream, so reset the connection instead of ending it with FIN.
            Abort();
            failure = error;
        }

        await reader.CompleteAsync(failure).ConfigureAwait(false);
    }

    // A buffer of several segments goes out in one gathering send (one syscall) rather than one per segment.
    private async ValueTask SendAsync(ReadOnlySequence<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var sent = buffer.IsSingleSegment || !TryGather(buffer)
                ? await _socket.SendAsync(buffer.First, SocketFlags.None).ConfigureAwait(false)
                : await _socket.SendAsync(_gather, SocketFlags.None).ConfigureAwait(false);
            buffer = buffer.Slice(sent);
        }
    }

    private bool TryGather(ReadOnlySequence<byte> buffer)
    {
        _gather.Clear();
        foreach (var segment in buffer)
        {
            if (!MemoryMarshal.TryGetArray(segment, out var array))
            {
                return false;
            }

            _gather.Add(array);
            if (_gather.Count == MaxGatherSegments)
            {
                break;
            }
        }

        return true;
    }

    private void Abort()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already closed: there is nothing left to reset.
        }

        _socket.Dispose();
    }

    private void ShutdownQuietly(SocketShutdown how)
    {
        try
        {
            _socket.Shutdown(how);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer or by us: nothing left to shut down.
        }
    }
}
