using static ShareKit.Security.Encrypted.Noise.HandshakeToken;

namespace ShareKit.Security.Encrypted.Noise;

/// <summary>A Noise handshake pattern: pre-messages and the token list of each message, initiator first.</summary>
internal sealed class HandshakePattern
{
    private HandshakePattern(string name, HandshakeToken[] initiatorPreMessage, HandshakeToken[] responderPreMessage, HandshakeToken[][] messages)
    {
        Name = name;
        InitiatorPreMessage = initiatorPreMessage;
        ResponderPreMessage = responderPreMessage;
        Messages = messages;
        HasPsk = messages.Any(tokens => tokens.Contains(Psk));
    }

    /// <summary>No static keys: <c>-&gt; e</c>, <c>&lt;- e, ee</c>.</summary>
    public static HandshakePattern NN { get; } = new("NN", [], [], [[E], [E, EE]]);

    /// <summary>Both static keys sent encrypted: the pattern ShareKit uses between peers.</summary>
    public static HandshakePattern XX { get; } = new("XX", [], [], [[E], [E, EE, S, ES], [S, SE]]);

    /// <summary>The initiator knows the responder's static key beforehand.</summary>
    public static HandshakePattern IK { get; } = new("IK", [], [S], [[E, ES, S, SS], [E, EE, SE]]);

    /// <summary>XX with a pre-shared key mixed in at the end of the third message: ShareKit's pairing-code handshake.</summary>
    public static HandshakePattern XXpsk3 { get; } = new("XXpsk3", [], [], [[E], [E, EE, S, ES], [S, SE, Psk]]);

    public string Name { get; }

    public IReadOnlyList<HandshakeToken> InitiatorPreMessage { get; }

    public IReadOnlyList<HandshakeToken> ResponderPreMessage { get; }

    public IReadOnlyList<HandshakeToken[]> Messages { get; }

    public bool HasPsk { get; }

    public static HandshakePattern? Find(string name) => name switch
    {
        "NN" => NN,
        "XX" => XX,
        "IK" => IK,
        "XXpsk3" => XXpsk3,
        _ => null,
    };
}
