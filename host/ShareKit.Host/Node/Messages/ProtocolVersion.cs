namespace ShareKit.Host.Node.Messages;

/// <summary>A protocol version: peers with different majors cannot talk; minors only add optional fields.</summary>
public sealed record ProtocolVersion(int Major, int Minor)
{
    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}";
}
