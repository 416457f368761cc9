using ShareKit.Host.Node.Messages;

namespace ShareKit.Host.Node;

/// <summary>How one item of a transfer ended.</summary>
/// <param name="Path">The offered relative path.</param>
/// <param name="Status">Ok, refused or failed.</param>
/// <param name="SavedAs">Where the receiver stored it (after a rename it differs from <paramref name="Path"/>).</param>
/// <param name="Reason">Why it was refused or failed.</param>
public sealed record ItemOutcome(string Path, ItemStatus Status, string? SavedAs, string? Reason);
