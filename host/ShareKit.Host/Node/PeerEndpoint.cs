using System.Collections.Concurrent;
using System.Security.Cryptography;
using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>
/// The accepting side of the ShareKit protocol for one receive share. Hand it every connection accepted on the
/// peer endpoint (layers already applied): sessions and the data connections that belong to them meet here,
/// which is why it is an object and not a static method.
/// </summary>
public sealed class PeerEndpoint
{
    private static readonly TimeSpan PreambleTimeout = TimeSpan.FromSeconds(30);
    private readonly ReceiveContext? context;
    private readonly LibraryServer? library;
    private readonly ConcurrentDictionary<string, ReceiveSession> transfers = new(StringComparer.Ordinal);

    /// <summary>Makes an endpoint that receives into <paramref name="context"/>'s share by its policy.</summary>
    public PeerEndpoint(ReceiveContext context)
        : this(context, null)
    {
        ArgumentNullException.ThrowIfNull(context);
    }

    /// <summary>
    /// Makes an endpoint that receives into <paramref name="context"/>'s share (null: refuses transfers) and serves
    /// <paramref name="library"/> on library connections (null: tells library clients there is none).
    /// </summary>
    public PeerEndpoint(ReceiveContext? context, LibraryServer? library)
    {
        this.context = context;
        this.library = library;
    }

    /// <summary>
    /// Serves one accepted connection until it ends, and disposes it. A session connection returns its
    /// transfer's outcome; a data connection (part of another session's transfer) or a connection that
    /// closed before saying anything returns null. Protocol errors end only this connection, with a reason.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (the sender is told).</exception>
    public async Task<TransferOutcome?> ServeConnectionAsync(IConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ConnectionKind? kind;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(PreambleTimeout);
            kind = await Preamble.ReadAsync(connection.Transport.Input, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ShareKitException or IOException or OperationCanceledException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return e is ShareKitException s ? new TransferOutcome(TransferStatus.Failed, s.Message, null, [], 0) : null;
        }

        switch (kind)
        {
            case ConnectionKind.Session when context is null:
                await connection.DisposeAsync().ConfigureAwait(false);
                return new TransferOutcome(TransferStatus.Failed, "A peer offered files, but this node has no share that receives files.", null, [], 0);
            case ConnectionKind.Session:
                return await new ReceiveSession(this, context, connection).RunAsync(ct).ConfigureAwait(false);
            case ConnectionKind.Library:
                await using (connection.ConfigureAwait(false))
                {
                    await (library is null
                        ? LibraryServer.RefuseAsync(connection, "This node serves no library (it has no share with access \"public-read\").")
                        : library.ServeAsync(connection, ct)).ConfigureAwait(false);
                }

                return null;
            case ConnectionKind.Data:
                await using (connection.ConfigureAwait(false))
                {
                    await ServeDataAsync(connection, ct).ConfigureAwait(false);
                }

                return null;
            default:
                await connection.DisposeAsync().ConfigureAwait(false);
                return null;
        }
    }

    internal void Register(ReceiveSession session) => transfers[session.TransferId] = session;

    internal void Unregister(ReceiveSession session) =>
        transfers.TryRemove(new KeyValuePair<string, ReceiveSession>(session.TransferId, session));

    private async Task ServeDataAsync(IConnection connection, CancellationToken ct)
    {
        var control = new ControlChannel(connection.Transport.Input, connection.Transport.Output);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(PreambleTimeout);
            var join = await SessionMessages.ExpectAsync<DataConnect>(control, "data connection", timeout.Token).ConfigureAwait(false);
            if (!transfers.TryGetValue(join.TransferId, out var session) || !TokenMatches(join.Token, session.DataToken))
            {
                throw new PeerProtocolException(ErrorCodes.Protocol, "The data connection names no transfer in progress here, or its token is wrong.");
            }

            await session.RunDataLaneAsync(connection, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ShareKitException or IOException or OperationCanceledException)
        {
            if (SessionMessages.ErrorFor(e) is { } error)
            {
                await control.SendFinalAsync(error, CancellationToken.None).ConfigureAwait(false);
            }

            ct.ThrowIfCancellationRequested();
        }
        finally
        {
            await control.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static bool TokenMatches(string given, byte[] expected)
    {
        Span<byte> bytes = stackalloc byte[64];
        return Convert.TryFromBase64String(given, bytes, out var length) && length == expected.Length &&
            CryptographicOperations.FixedTimeEquals(bytes[..length], expected);
    }
}
