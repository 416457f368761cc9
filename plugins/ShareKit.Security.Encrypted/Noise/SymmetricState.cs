using System.Security.Cryptography;
using System.Text;

namespace ShareKit.Security.Encrypted.Noise;

/// <summary>Noise's SymmetricState (spec §5.2) with SHA-256: the chaining key, the handshake hash and the handshake cipher.</summary>
internal sealed class SymmetricState : IDisposable
{
    public const int HashLength = 32;

    private readonly NoiseCipher cipherKind;
    private readonly byte[] chainingKey = new byte[HashLength];
    private readonly byte[] handshakeHash = new byte[HashLength];
    private readonly IncrementalHash hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public SymmetricState(string protocolName, NoiseCipher cipherKind)
    {
        this.cipherKind = cipherKind;
        Cipher = new CipherState(cipherKind);
        var name = Encoding.ASCII.GetBytes(protocolName);
        if (name.Length <= HashLength)
        {
            name.CopyTo(handshakeHash, 0);
        }
        else
        {
            SHA256.HashData(name, handshakeHash);
        }

        handshakeHash.CopyTo(chainingKey, 0);
    }

    public CipherState Cipher { get; }

    public ReadOnlySpan<byte> HandshakeHash => handshakeHash;

    public void MixKey(ReadOnlySpan<byte> inputKeyMaterial)
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        Hkdf(inputKeyMaterial, output);
        output[..HashLength].CopyTo(chainingKey);
        Cipher.InitializeKey(output[HashLength..]);
        CryptographicOperations.ZeroMemory(output);
    }

    public void MixHash(ReadOnlySpan<byte> data)
    {
        hasher.AppendData(handshakeHash);
        hasher.AppendData(data);
        hasher.GetHashAndReset(handshakeHash);
    }

    public void MixKeyAndHash(ReadOnlySpan<byte> inputKeyMaterial)
    {
        Span<byte> output = stackalloc byte[3 * HashLength];
        Hkdf(inputKeyMaterial, output);
        output[..HashLength].CopyTo(chainingKey);
        MixHash(output.Slice(HashLength, HashLength));
        Cipher.InitializeKey(output[(2 * HashLength)..]);
        CryptographicOperations.ZeroMemory(output);
    }

    public int EncryptAndHash(ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        var written = Cipher.EncryptWithAd(handshakeHash, plaintext, ciphertext);
        MixHash(ciphertext[..written]);
        return written;
    }

    public bool TryDecryptAndHash(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext, out int written)
    {
        if (!Cipher.TryDecryptWithAd(handshakeHash, ciphertext, plaintext, out written))
        {
            return false;
        }

        MixHash(ciphertext);
        return true;
    }

    /// <summary>Derives the two transport cipher states: the first for initiator→responder, the second for responder→initiator.</summary>
    public (CipherState InitiatorToResponder, CipherState ResponderToInitiator) Split()
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        Hkdf(default, output);
        var first = new CipherState(cipherKind);
        var second = new CipherState(cipherKind);
        first.InitializeKey(output[..HashLength]);
        second.InitializeKey(output[HashLength..]);
        CryptographicOperations.ZeroMemory(output);
        return (first, second);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(chainingKey);
        Cipher.Dispose();
        hasher.Dispose();
    }

    // Noise's HKDF (spec §4.3) is RFC 5869 with the chaining key as salt and an empty info. The extract step is
    // HMAC directly because OpenSSL's HKDF refuses the empty input key material that Split uses.
    private void Hkdf(ReadOnlySpan<byte> inputKeyMaterial, Span<byte> output)
    {
        Span<byte> pseudoRandomKey = stackalloc byte[HashLength];
        HMACSHA256.HashData(chainingKey, inputKeyMaterial, pseudoRandomKey);
        HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, output, default);
        CryptographicOperations.ZeroMemory(pseudoRandomKey);
    }
}
