namespace ShareKit.Host.Node.Messages;

/// <summary>
/// Sender → receiver: the items of a transfer. A big offer is split into several Offer messages with the same
/// <paramref name="TransferId"/>; item indexes continue across parts and <paramref name="Last"/> marks the final part.
/// </summary>
/// <param name="TransferId">32 hex digits chosen by the sender; also names the transfer in data connections.</param>
/// <param name="Items">This part's items.</param>
/// <param name="Last">True on the final part; the receiver decides only after it.</param>
public sealed record Offer(string TransferId, IReadOnlyList<OfferedItem> Items, bool Last) : Message;
