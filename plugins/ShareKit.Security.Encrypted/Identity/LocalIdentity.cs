using ShareKit.Security.Encrypted.Noise;

namespace ShareKit.Security.Encrypted.Identity;

/// <summary>This node's long-term X25519 key (its Noise static key) and the fingerprint peers see.</summary>
public sealed class LocalIdentity
{
    internal LocalIdentity(KeyPair keyPair, string keyFile)
    {
        KeyPair = keyPair;
        KeyFile = keyFile;
        PublicKey = keyPair.PublicKey;
        Fingerprint = Identity.Fingerprint.Of(keyPair.PublicKey);
    }

    /// <summary>The 32-byte X25519 public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The fingerprint in groups of four, e.g. <c>K7QF-2M4X-…</c>.</summary>
    public string Fingerprint { get; }

    /// <summary>The file holding the private key.</summary>
    public string KeyFile { get; }

    internal KeyPair KeyPair { get; }
}
