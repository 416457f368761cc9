namespace ShareKit.Host.Node;

/// <summary>
/// A progress event for a progress bar or a JSON line. Byte counts include resumed prefixes, so a resumed item
/// starts part-way; the CLI computes rate and ETA from successive events.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="ItemIndex">The item's index in the offer (-1 for transfer-wide events).</param>
/// <param name="ItemPath">The item's offered path (empty for transfer-wide events).</param>
/// <param name="ItemBytes">Bytes of the item that the receiver holds or is receiving.</param>
/// <param name="ItemSize">The item's size.</param>
/// <param name="TotalBytes">Bytes of the whole transfer so far.</param>
/// <param name="TotalSize">Size of the whole transfer.</param>
/// <param name="ItemsDone">Items finished (ok, refused or failed).</param>
/// <param name="ItemsTotal">Items in the transfer.</param>
/// <param name="Message">Why an item failed, for <see cref="TransferProgressKind.ItemFailed"/>.</param>
public sealed record TransferProgress(
    TransferProgressKind Kind,
    int ItemIndex,
    string ItemPath,
    long ItemBytes,
    long ItemSize,
    long TotalBytes,
    long TotalSize,
    int ItemsDone,
    int ItemsTotal,
    string? Message = null);
