using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>A lane ended in the middle of a record: the peer vanished or the connection broke.</summary>
internal sealed class LaneCutException : ShareKitException
{
    public LaneCutException()
        : base("The connection ended in the middle of an item; the part received so far is kept for resume.")
    {
    }
}
