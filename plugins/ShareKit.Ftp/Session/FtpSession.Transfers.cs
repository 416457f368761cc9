using System.Buffers;
using System.Net.Sockets;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>The data side of a session: the prepared data channel, opening it, and transfers running beside the command loop.</summary>
internal sealed partial class FtpSession
{
    /// <summary>The channel set up by PASV/EPSV/PORT/EPRT, replacing (and closing) an earlier one.</summary>
    public async ValueTask SetDataChannelAsync(DataChannel? channel)
    {
        var old = dataChannel;
        dataChannel = channel;
        if (old is not null)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Takes the prepared data channel for one transfer; null (after a 425 reply) when there is none.</summary>
    public async ValueTask<DataChannel?> TakeDataChannelAsync(CancellationToken ct)
    {
        var channel = dataChannel;
        dataChannel = null;
        if (channel is null)
        {
            await ReplyAsync(425, "Use PASV, EPSV, PORT or EPRT first.", ct).ConfigureAwait(false);
            return null;
        }

        if (Server.TlsRequiredForData && !ProtectData)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            await ReplyAsync(521, "Data connections must be protected: send PBSZ 0 and PROT P.", ct).ConfigureAwait(false);
            return null;
        }

        return channel;
    }

    /// <summary>Opens the data connection from a taken channel, with TLS when PROT P is on.</summary>
    public async ValueTask<DataConnection> OpenDataAsync(DataChannel channel, CancellationToken ct)
    {
        try
        {
            var protection = ProtectData ? Server.Certificate : null;
            return await DataConnection.OpenAsync(channel, protection, Server.Options.AcceptTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException)
        {
            throw new DataConnectionException(e.Message, e);
        }
        finally
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts a transfer beside the command loop. <paramref name="body"/> returns the final reply; an abort, a broken
    /// connection, a timeout or a storage error become the matching 4xx/5xx reply.
    /// </summary>
    public void StartTransfer(string description, Func<FtpTransfer, CancellationToken, ValueTask<FtpReply>> body)
    {
        var running = new FtpTransfer(description, lifetime.Token);
        transfer = running;
        running.Completion = RunTransferAsync(running, body);
    }

    /// <summary>Runs a buffer copy of a transfer: pooled buffer, data timeout per read, byte count for STAT.</summary>
    public async ValueTask<long> CopyAsync(Stream source, Stream destination, FtpTransfer running, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Server.Options.TransferBufferSize);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long total = 0;
        try
        {
            while (true)
            {
                stall.CancelAfter(Server.Options.DataTimeout);
                var read = await source.ReadAsync(buffer.AsMemory(), stall.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return total;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), stall.Token).ConfigureAwait(false);
                total += read;
                running.AddBytes(read);
            }
        }
        catch (OperationCanceledException) when (stall.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No data moved for {Server.Options.DataTimeout.TotalSeconds:0} s; transfer aborted.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task RunTransferAsync(FtpTransfer running, Func<FtpTransfer, CancellationToken, ValueTask<FtpReply>> body)
    {
        FtpReply reply;
        try
        {
            reply = await body(running, running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (running.Aborted)
        {
            reply = new FtpReply(426, "Transfer aborted; the data connection was closed.");
        }
        catch (DataConnectionException e)
        {
            reply = new FtpReply(425, "Cannot open the data connection: " + e.Message);
        }
        catch (TimeoutException e)
        {
            reply = new FtpReply(426, e.Message);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reply = new FtpReply(426, "The data connection broke; transfer aborted.");
        }
        catch (Exception e) when (e is StorageException or StorePathException or NotSupportedException or UnauthorizedAccessException)
        {
            reply = StorageReplies.For(e);
        }
        catch (Exception e)
        {
            FtpLog.SessionFailed(Server.Logger, ClientAddress, e);
            reply = new FtpReply(451, "Local error; transfer aborted.");
        }

        try
        {
            if (!controlLost)
            {
                await ReplyAsync(reply.Code, reply.Text, lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            transfer = null;
            running.Dispose();
        }
    }
}
