namespace ShareKit.Host.Node.Messages;

/// <summary>Receiver → sender: the end of one item. Every offered item gets exactly one result.</summary>
/// <param name="Index">The item's index in the offer.</param>
/// <param name="Status">Ok, refused or failed.</param>
/// <param name="SavedAs">Where the item was stored (differs from the offered path after a rename), when ok.</param>
/// <param name="Reason">Why it was refused or failed, for a person.</param>
public sealed record ItemResult(int Index, ItemStatus Status, string? SavedAs = null, string? Reason = null) : Message;
