using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>The peer ended the session with an Error or Cancel message; nothing is sent back.</summary>
internal sealed class PeerEndedException : ShareKitException
{
    public PeerEndedException(string message)
        : base(message)
    {
    }
}
