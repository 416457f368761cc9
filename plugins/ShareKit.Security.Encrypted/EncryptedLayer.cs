using Microsoft.Extensions.Logging;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Handshake;
using ShareKit.Security.Encrypted.Identity;
using ShareKit.Security.Encrypted.Pairing;
using ShareKit.Security.Encrypted.Trust;

namespace ShareKit.Security.Encrypted;

/// <summary>
/// The <c>encrypted</c> connection layer: a Noise XX handshake authenticating both nodes' long-term keys, trust on
/// first use (or a pairing code), then sealed records. See docs/security.md.
/// </summary>
public sealed class EncryptedLayer : IConnectionLayer
{
    private readonly LocalIdentity identity;
    private readonly NodeIdentity self;
    private readonly KnownPeers knownPeers;
    private readonly EncryptedLayerOptions options;
    private readonly ILogger logger;
    private readonly string? pairingCode;

    /// <summary>Makes the layer for a node whose identity key and known peers live in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="TrustException">The identity key is damaged or exposed.</exception>
    public EncryptedLayer(string dataDirectory, NodeIdentity self, EncryptedLayerOptions options, ILogger logger)
        : this(IdentityStore.LoadOrCreate(dataDirectory), self, new KnownPeers(dataDirectory), options, logger, null)
    {
    }

    private EncryptedLayer(LocalIdentity identity, NodeIdentity self, KnownPeers knownPeers, EncryptedLayerOptions options, ILogger logger, string? pairingCode)
    {
        this.identity = identity;
        this.self = self;
        this.knownPeers = knownPeers;
        this.options = options;
        this.logger = logger;
        this.pairingCode = pairingCode;
    }

    /// <summary>This node's identity (key and fingerprint).</summary>
    public LocalIdentity Identity => identity;

    /// <summary>The known-peers file this layer checks and pins.</summary>
    public KnownPeers KnownPeers => knownPeers;

    /// <summary>
    /// A layer for one connection paired by <paramref name="code"/> (see <see cref="Pairing.PairingCode"/>): both sides run
    /// J-PAKE with the code, then Noise XXpsk3 with the key it gives. The peer is trusted because it knew the code, and
    /// its key is pinned, without trust on first use. A wrong code fails both sides with "code did not match".
    /// </summary>
    public IConnectionLayer WithPairingCode(string code) =>
        new EncryptedLayer(identity, self, knownPeers, options, logger, Pairing.PairingCode.Normalize(code));

    /// <inheritdoc />
    /// <remarks>On failure the inner connection is disposed.</remarks>
    public async ValueTask<IConnection> ApplyAsync(IConnection inner, ConnectionRole role, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.HandshakeTimeout);
        try
        {
            var pairingKey = pairingCode is null
                ? null
                : await PairingExchange.RunAsync(inner.Transport, role, pairingCode, timeout.Token).ConfigureAwait(false);
            var outcome = await NoiseHandshake.RunAsync(
                inner.Transport, role, identity, self, knownPeers, options.Trust, pairingKey, timeout.Token).ConfigureAwait(false);
            var connection = new EncryptedConnection(inner, outcome, options.RekeyAfterRecords);
            if (outcome.Decision == TrustDecision.NewlyPinned)
            {
                EncryptedLayerLog.NewPeerPinned(logger, connection.PeerName, connection.Peer!.Fingerprint, connection.PeerNodeId.Value);
            }
            else if (outcome.Decision == TrustDecision.Paired)
            {
                EncryptedLayerLog.PeerPaired(logger, connection.PeerName, connection.Peer!.Fingerprint, connection.PeerNodeId.Value);
            }

            return connection;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            var message = $"The encrypted handshake with {inner.RemoteEndpoint} did not finish within {options.HandshakeTimeout.TotalSeconds:0.#} s " +
                "(setting handshakeTimeoutSeconds); the peer may not speak the ShareKit encrypted protocol.";
            EncryptedLayerLog.HandshakeFailed(logger, inner.RemoteEndpoint.ToString(), message);
            throw new TransportException(TransportFailure.TimedOut, message);
        }
        catch (TrustException e)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            EncryptedLayerLog.PeerRefused(logger, inner.RemoteEndpoint.ToString(), e.Message);
            throw;
        }
        catch (Exception e)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            if (e is ShareKitException)
            {
                EncryptedLayerLog.HandshakeFailed(logger, inner.RemoteEndpoint.ToString(), e.Message);
            }

            throw;
        }
    }
}
