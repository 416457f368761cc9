using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>A protocol violation with the <see cref="Error.Code"/> to tell the peer before the session ends.</summary>
internal sealed class PeerProtocolException : ProtocolException
{
    public PeerProtocolException(string code, string message)
        : base(message) => Code = code;

    public string Code { get; }
}
