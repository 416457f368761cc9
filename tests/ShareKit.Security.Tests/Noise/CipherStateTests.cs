using System.Security.Cryptography;
using ShareKit.Security.Encrypted.Noise;

namespace ShareKit.Security.Tests.Noise;

public sealed class CipherStateTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData("AESGCM")]
    [InlineData("ChaChaPoly")]
    public void A_flipped_bit_fails_authentication_and_leaves_the_nonce_unchanged(string cipherName)
    {
        var cipher = cipherName == "AESGCM" ? NoiseCipher.AesGcm : NoiseCipher.ChaChaPoly;
        using var sender = Keyed(cipher);
        using var receiver = Keyed(cipher);
        var sealedText = new byte[5 + CipherState.TagLength];
        sender.EncryptWithAd(default, "hello"u8, sealedText);
        sealedText[2] ^= 0x01;

        Assert.False(receiver.TryDecryptWithAd(default, sealedText, new byte[5], out _));
        Assert.Equal(0UL, receiver.Nonce);
    }

    [Fact]
    public void Rekeyed_states_on_both_sides_still_agree_and_old_keys_no_longer_open_records()
    {
        using var sender = Keyed(NoiseCipher.AesGcm);
        using var receiver = Keyed(NoiseCipher.AesGcm);
        using var stale = Keyed(NoiseCipher.AesGcm);
        sender.Rekey();
        receiver.Rekey();
        var sealedText = new byte[4 + CipherState.TagLength];
        sender.EncryptWithAd(default, "data"u8, sealedText);

        Assert.False(stale.TryDecryptWithAd(default, sealedText, new byte[4], out _));
        Assert.True(receiver.TryDecryptWithAd(default, sealedText, new byte[4], out var read));
        Assert.Equal(4, read);
    }

    [Fact]
    public void The_reserved_last_nonce_is_never_used_for_data()
    {
        using var sender = Keyed(NoiseCipher.AesGcm);
        sender.SetNonce(ulong.MaxValue);

        Assert.Throws<CryptographicException>(() => sender.EncryptWithAd(default, "x"u8, new byte[1 + CipherState.TagLength]));
    }

    private static CipherState Keyed(NoiseCipher cipher)
    {
        var state = new CipherState(cipher);
        state.InitializeKey(Key);
        return state;
    }
}
