namespace ShareKit.Security.Encrypted.Noise;

/// <summary>A full Noise protocol name, e.g. <c>Noise_XX_25519_AESGCM_SHA256</c>, parsed into its parts.</summary>
internal sealed record NoiseProtocol(string Name, HandshakePattern Pattern, NoiseCipher Cipher)
{
    public static NoiseProtocol XXAesGcm { get; } = Parse("Noise_XX_25519_AESGCM_SHA256");

    public static NoiseProtocol XXpsk3AesGcm { get; } = Parse("Noise_XXpsk3_25519_AESGCM_SHA256");

    /// <summary>Parses a protocol name; only the 25519 curve and SHA256 are supported.</summary>
    /// <exception cref="NotSupportedException">A part of the name is not supported.</exception>
    public static NoiseProtocol Parse(string name)
    {
        var parts = name.Split('_');
        if (parts.Length != 5 || parts[0] != "Noise" || parts[2] != "25519" || parts[4] != "SHA256")
        {
            throw new NotSupportedException($"Unsupported Noise protocol '{name}' (only Noise_<pattern>_25519_<AESGCM|ChaChaPoly>_SHA256).");
        }

        var pattern = HandshakePattern.Find(parts[1])
            ?? throw new NotSupportedException($"Unsupported Noise handshake pattern '{parts[1]}' (NN, XX, IK, XXpsk3).");
        var cipher = parts[3] switch
        {
            "AESGCM" => NoiseCipher.AesGcm,
            "ChaChaPoly" => NoiseCipher.ChaChaPoly,
            _ => throw new NotSupportedException($"Unsupported Noise cipher '{parts[3]}' (AESGCM, ChaChaPoly)."),
        };
        return new NoiseProtocol(name, pattern, cipher);
    }
}
