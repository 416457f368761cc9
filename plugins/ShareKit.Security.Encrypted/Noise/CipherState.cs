using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ShareKit.Security.Encrypted.Noise;

/// <summary>
/// Noise's CipherState (spec §5.1): a key and a 64-bit counter nonce. One AEAD instance lives as long as its key,
/// so sealing a record allocates nothing.
/// </summary>
internal sealed class CipherState : IDisposable
{
    public const int KeyLength = 32;
    public const int TagLength = 16;
    private const int NonceLength = 12;

    private readonly NoiseCipher cipher;
    private readonly byte[] key = new byte[KeyLength];
    private AesGcm? aesGcm;
    private ChaCha20Poly1305? chaCha;

    public CipherState(NoiseCipher cipher) => this.cipher = cipher;

    public bool HasKey { get; private set; }

    /// <summary>The nonce the next encryption or decryption uses.</summary>
    public ulong Nonce { get; private set; }

    public void InitializeKey(ReadOnlySpan<byte> newKey)
    {
        SetKey(newKey);
        Nonce = 0;
    }

    /// <summary>Sets the nonce explicitly (Noise SetNonce); only tests and out-of-order transports need it.</summary>
    public void SetNonce(ulong nonce) => Nonce = nonce;

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (plaintext + 16-byte tag); returns the bytes written.</summary>
    /// <remarks><paramref name="plaintext"/> and <paramref name="ciphertext"/> may be the same memory, not otherwise overlapping.</remarks>
    public int EncryptWithAd(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        if (!HasKey)
        {
            plaintext.CopyTo(ciphertext);
            return plaintext.Length;
        }

        // 2^64-1 is reserved for rekeying (spec §5.1); reaching it would reuse a nonce.
        if (Nonce == ulong.MaxValue)
        {
            throw new CryptographicException("The Noise nonce is exhausted; the session must be rekeyed or restarted.");
        }

        Seal(Nonce, associatedData, plaintext, ciphertext);
        Nonce++;
        return plaintext.Length + TagLength;
    }

    /// <summary>
    /// Decrypts and authenticates <paramref name="ciphertext"/> into <paramref name="plaintext"/>. Returns false, and leaves
    /// the nonce unchanged, if it fails authentication.
    /// </summary>
    public bool TryDecryptWithAd(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext, out int written)
    {
        if (!HasKey)
        {
            ciphertext.CopyTo(plaintext);
            written = ciphertext.Length;
            return true;
        }

        written = 0;
        if (ciphertext.Length < TagLength || Nonce == ulong.MaxValue)
        {
            return false;
        }

        var length = ciphertext.Length - TagLength;
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(Nonce, nonce);
        try
        {
            if (aesGcm is not null)
            {
                aesGcm.Decrypt(nonce, ciphertext[..length], ciphertext[length..], plaintext[..length], associatedData);
            }
            else
            {
                chaCha!.Decrypt(nonce, ciphertext[..length], ciphertext[length..], plaintext[..length], associatedData);
            }
        }
        catch (AuthenticationTagMismatchException)
        {
            plaintext[..length].Clear();
            return false;
        }

        Nonce++;
        written = length;
        return true;
    }

    /// <summary>Noise REKEY: the new key is the first 32 bytes of encrypting 32 zeros with nonce 2^64-1. The nonce is kept.</summary>
    public void Rekey()
    {
        Span<byte> zeros = stackalloc byte[KeyLength];
        zeros.Clear();
        Span<byte> sealedZeros = stackalloc byte[KeyLength + TagLength];
        Seal(ulong.MaxValue, default, zeros, sealedZeros);
        SetKey(sealedZeros[..KeyLength]);
        CryptographicOperations.ZeroMemory(sealedZeros);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(key);
        aesGcm?.Dispose();
        chaCha?.Dispose();
        aesGcm = null;
        chaCha = null;
        HasKey = false;
    }

    private void SetKey(ReadOnlySpan<byte> newKey)
    {
        if (newKey.Length != KeyLength)
        {
            throw new ArgumentException("A Noise cipher key is 32 bytes.", nameof(newKey));
        }

        newKey.CopyTo(key);
        aesGcm?.Dispose();
        chaCha?.Dispose();
        aesGcm = null;
        chaCha = null;
        if (cipher == NoiseCipher.AesGcm)
        {
            aesGcm = new AesGcm(key, TagLength);
        }
        else
        {
            chaCha = new ChaCha20Poly1305(key);
        }

        HasKey = true;
    }

    private void Seal(ulong counter, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(counter, nonce);
        var body = ciphertext[..plaintext.Length];
        var tag = ciphertext.Slice(plaintext.Length, TagLength);
        if (aesGcm is not null)
        {
            aesGcm.Encrypt(nonce, plaintext, body, tag, associatedData);
        }
        else
        {
            chaCha!.Encrypt(nonce, plaintext, body, tag, associatedData);
        }
    }

    private void WriteNonce(ulong counter, Span<byte> nonce)
    {
        nonce[..4].Clear();
        if (cipher == NoiseCipher.AesGcm)
        {
            BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], counter);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], counter);
        }
    }
}
