using ShareKit.Sdk;

namespace ShareKit.Security.Encrypted.Trust;

/// <summary>A peer presented a key other than the one pinned for its node id.</summary>
public sealed class PeerKeyChangedException(string message) : TrustException(message);
