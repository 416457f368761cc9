namespace ShareKit.Host.Node;

/// <summary>What a <see cref="TransferProgress"/> event reports.</summary>
public enum TransferProgressKind
{
    /// <summary>The offer was accepted; totals are known.</summary>
    Started,

    /// <summary>More content bytes of an item crossed the connection.</summary>
    ItemProgress,

    /// <summary>An item was verified and committed on the receiver.</summary>
    ItemDone,

    /// <summary>An item was refused or failed; <see cref="TransferProgress.Message"/> says why.</summary>
    ItemFailed,
}
