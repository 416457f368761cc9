using Microsoft.Extensions.Logging;

namespace ShareKit.Security.Encrypted;

internal static partial class EncryptedLayerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "New peer {PeerName} {Fingerprint} ({NodeId}) pinned on first contact")]
    public static partial void NewPeerPinned(ILogger logger, string peerName, string fingerprint, string nodeId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Peer {PeerName} {Fingerprint} ({NodeId}) pinned by pairing code")]
    public static partial void PeerPaired(ILogger logger, string peerName, string fingerprint, string nodeId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Refused peer at {RemoteEndpoint}: {Reason}")]
    public static partial void PeerRefused(ILogger logger, string remoteEndpoint, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Encrypted handshake with {RemoteEndpoint} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string remoteEndpoint, string reason);
}
