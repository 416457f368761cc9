using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>The sending side of the ShareKit protocol: offers local files and folders to a peer and streams what it accepts.</summary>
public static class PeerSender
{
    /// <summary>
    /// Offers <paramref name="localPaths"/> (files, or folders with everything below them) to the peer that
    /// <paramref name="connect"/> reaches, and sends what it accepts.
    /// </summary>
    /// <param name="connect">
    /// Opens a connection to the peer with the configured layers applied. It is called once for the session and
    /// again for each data connection that carries a big item.
    /// </param>
    /// <param name="localPaths">Files and folders to send; each arrives under its own name.</param>
    /// <param name="options">Who is sending and how many lanes to use.</param>
    /// <param name="progress">Receives progress events; may be null.</param>
    /// <param name="ct">Cancels the transfer; the receiver keeps what it staged, for a later resume.</param>
    /// <returns>Delivered, declined or failed, with a reason a person can read and each item's result.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static async Task<TransferOutcome> SendAsync(
        Func<CancellationToken, ValueTask<IConnection>> connect,
        IReadOnlyList<string> localPaths,
        SendOptions options,
        IProgress<TransferProgress>? progress,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(localPaths);
        ArgumentNullException.ThrowIfNull(options);
        List<LocalItem> items;
        try
        {
            items = LocalItemScanner.Scan(localPaths);
        }
        catch (ShareKitException e)
        {
            return new TransferOutcome(TransferStatus.Failed, e.Message, null, [], 0);
        }

        return await new SendSession(connect, items, options, progress).RunAsync(ct).ConfigureAwait(false);
    }
}
