namespace ShareKit.Security.Encrypted.Noise;

/// <summary>The tokens of a Noise message pattern (spec §7.1 and §9 for <c>psk</c>).</summary>
internal enum HandshakeToken
{
    E,
    S,
    EE,
    ES,
    SE,
    SS,
    Psk,
}
