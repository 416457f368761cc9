namespace ShareKit.Host.Node;

/// <summary>The end of a transfer, on either side.</summary>
/// <param name="Status">Delivered, declined or failed.</param>
/// <param name="Reason">For a person: why it was declined or failed (null when delivered).</param>
/// <param name="PeerName">The other node's display name, when the session got that far.</param>
/// <param name="Items">Each item's result, in offer order (empty if the session ended before the offer).</param>
/// <param name="ContentBytes">Content bytes that crossed the connection (excluding resumed prefixes).</param>
public sealed record TransferOutcome(
    TransferStatus Status,
    string? Reason,
    string? PeerName,
    IReadOnlyList<ItemOutcome> Items,
    long ContentBytes)
{
    /// <summary>The CLI's exit code: 0 delivered, 3 declined, 1 failed.</summary>
    public int ExitCode => Status switch
    {
        TransferStatus.Delivered => 0,
        TransferStatus.Declined => 3,
        _ => 1,
    };
}
