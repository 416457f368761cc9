namespace ShareKit.Security.Encrypted.Noise;

/// <summary>The AEAD ciphers of the Noise framework this implementation supports.</summary>
internal enum NoiseCipher
{
    /// <summary>AES-256-GCM, nonce = 4 zero bytes + 64-bit big-endian counter.</summary>
    AesGcm,

    /// <summary>ChaCha20-Poly1305 (RFC 8439), nonce = 4 zero bytes + 64-bit little-endian counter.</summary>
    ChaChaPoly,
}
