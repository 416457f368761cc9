using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ShareKit.Ftp;

/// <summary>
/// An open data connection, plain or TLS (PROT P). Closing it properly sends TLS close_notify before the TCP FIN:
/// FileZilla and GnuTLS clients treat a listing without close_notify as truncated.
/// </summary>
internal sealed class DataConnection : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly SslStream? tls;

    private DataConnection(Socket socket, Stream stream, SslStream? tls)
    {
        this.socket = socket;
        this.tls = tls;
        Stream = stream;
    }

    public Stream Stream { get; }

    public static async ValueTask<DataConnection> OpenAsync(
        DataChannel channel, SslStreamCertificateContext? protection, TimeSpan handshakeTimeout, CancellationToken ct)
    {
        var socket = await channel.ConnectAsync(ct).ConfigureAwait(false);
        var network = new NetworkStream(socket, ownsSocket: false);
        if (protection is null)
        {
            return new DataConnection(socket, network, null);
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(handshakeTimeout);
        try
        {
            await tls.AuthenticateAsServerAsync(FtpTls.ServerOptions(protection, dataConnection: true), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
            if (e is OperationCanceledException && ct.IsCancellationRequested)
            {
                throw;
            }

            throw new IOException("The TLS handshake on the data connection failed: " + e.Message, e);
        }

        return new DataConnection(socket, tls, tls);
    }

    /// <summary>Ends the data cleanly: close_notify (TLS), then FIN.</summary>
    public async ValueTask CloseAsync()
    {
        if (tls is not null)
        {
            await tls.ShutdownAsync().ConfigureAwait(false);
        }

        await Stream.FlushAsync().ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>
    /// Answers the client's end of an upload with our close_notify and FIN. The client may already have closed its
    /// socket after its own close_notify (curl does), so a failure here says nothing about the data received.
    /// </summary>
    public async ValueTask CloseAfterUploadAsync()
    {
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Drops the connection at once (RST), e.g. after ABOR.</summary>
    public void Abort()
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }

        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        socket.Dispose();
    }
}
