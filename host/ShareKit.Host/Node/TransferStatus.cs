namespace ShareKit.Host.Node;

/// <summary>How a transfer ended, as the CLI maps it to an exit code.</summary>
public enum TransferStatus
{
    /// <summary>Every item arrived, was verified and committed (exit code 0).</summary>
    Delivered,

    /// <summary>The receiver declined the offer or refused items, and nothing failed (exit code 3).</summary>
    Declined,

    /// <summary>The session or at least one item failed (exit code 1).</summary>
    Failed,
}
