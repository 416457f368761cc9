using ShareKit.Host.Node;

namespace ShareKit.Host.Cli;

/// <summary>Feeds the protocol's progress events into a <see cref="ProgressDisplay"/>.</summary>
internal sealed class TransferProgressAdapter(ProgressDisplay display) : IProgress<TransferProgress>
{
    public ProgressState Last { get; private set; } = new(null, 0, 0, 0, 0, 0, 0);

    public void Report(TransferProgress value)
    {
        Last = new ProgressState(
            value.ItemPath.Length == 0 ? null : value.ItemPath, value.ItemBytes, value.ItemSize, value.TotalBytes, value.TotalSize, value.ItemsDone, value.ItemsTotal);
        display.Report(Last, force: value.Kind is TransferProgressKind.Started or TransferProgressKind.ItemFailed);
    }

    /// <summary>Ends the display with the transfer's outcome.</summary>
    public void Finish(TransferOutcome outcome)
    {
        var words = outcome.Status switch
        {
            TransferStatus.Delivered => "delivered",
            TransferStatus.Declined => $"declined: {outcome.Reason}",
            _ => $"failed: {outcome.Reason}",
        };
        display.Finish(Last, outcome.PeerName is null ? words : $"{words} ({outcome.PeerName})", outcome.ContentBytes);
    }
}
