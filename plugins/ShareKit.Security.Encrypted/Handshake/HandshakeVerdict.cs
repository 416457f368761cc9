namespace ShareKit.Security.Encrypted.Handshake;

/// <summary>
/// The responder's answer after checking the initiator's key, sent sealed as the first transport message. It tells
/// the initiator why it was refused, and proves to it that the responder derived the same keys (key confirmation,
/// which matters for the pairing-code handshake where the pre-shared key only enters in message 3).
/// </summary>
internal enum HandshakeVerdict : byte
{
    Accepted = 1,
    RefusedKeyChanged = 2,
    RefusedUnknownPeer = 3,
}
