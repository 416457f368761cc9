using ShareKit.Host.Node.Messages;

namespace ShareKit.Host.Node;

/// <summary>An item to send: what the offer says, and the local file behind it (null for folders).</summary>
internal sealed record LocalItem(OfferedItem Offered, string? FullPath);
