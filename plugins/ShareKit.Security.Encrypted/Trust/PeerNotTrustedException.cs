using ShareKit.Sdk;

namespace ShareKit.Security.Encrypted.Trust;

/// <summary>An unknown peer was refused because trust is <c>pinned-only</c>.</summary>
public sealed class PeerNotTrustedException(string message) : TrustException(message);
