using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace ShareKit.Security.Encrypted.Noise;

/// <summary>An X25519 key pair (Noise DH 25519).</summary>
internal sealed class KeyPair : IDisposable
{
    public const int Length = 32;

    private readonly byte[] privateKey;
    private readonly X25519PrivateKeyParameters parameters;

    public KeyPair(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != Length)
        {
            throw new ArgumentException("An X25519 private key is 32 bytes.", nameof(privateKey));
        }

        this.privateKey = privateKey.ToArray();
        parameters = new X25519PrivateKeyParameters(privateKey);
        PublicKey = parameters.GeneratePublicKey().GetEncoded();
    }

    public byte[] PublicKey { get; }

    public ReadOnlySpan<byte> PrivateKey => privateKey;

    public static KeyPair Generate()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        var pair = new KeyPair(random);
        CryptographicOperations.ZeroMemory(random);
        return pair;
    }

    /// <summary>X25519 with <paramref name="remotePublicKey"/>; false if the result is all zeros (a low-order point from a hostile peer).</summary>
    public bool TryAgree(ReadOnlySpan<byte> remotePublicKey, Span<byte> sharedSecret)
    {
        try
        {
            parameters.GenerateSecret(new X25519PublicKeyParameters(remotePublicKey), sharedSecret);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(privateKey);
}
