namespace ShareKit.Host.Node.Messages;

/// <summary>The first message each side sends on the control channel.</summary>
/// <param name="Version">The sender's protocol version.</param>
/// <param name="NodeId">The sender's node id (32 hex digits).</param>
/// <param name="Name">The sender's display name.</param>
/// <param name="Capabilities">Optional features the sender supports (e.g. <c>data-connections</c>).</param>
public sealed record Hello(ProtocolVersion Version, string NodeId, string Name, IReadOnlyList<string> Capabilities) : Message;
