namespace ShareKit.Security.Encrypted.Records;

/// <summary>
/// Application data after the handshake: records of <c>[4-byte big-endian length][AES-GCM ciphertext + 16-byte tag]</c>,
/// sealed with the direction's Noise CipherState (counter nonce, empty associated data). A record with no plaintext
/// is the close record: the authenticated end of the stream.
/// </summary>
internal static class RecordFormat
{
    public const int HeaderLength = 4;
    public const int TagLength = Noise.CipherState.TagLength;
    public const int MaxPlaintext = 64 * 1024;
    public const int MaxCiphertext = MaxPlaintext + TagLength;
    public const int MaxRecord = HeaderLength + MaxCiphertext;
}
