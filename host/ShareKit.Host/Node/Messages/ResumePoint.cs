namespace ShareKit.Host.Node.Messages;

/// <summary>An item the receiver already holds a staged prefix of: the sender streams from <paramref name="Offset"/>.</summary>
public sealed record ResumePoint(int Index, long Offset);
