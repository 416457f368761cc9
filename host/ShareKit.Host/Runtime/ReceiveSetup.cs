using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>Builds what the accepting side of the protocol needs: the target store and the share's rules.</summary>
internal static class ReceiveSetup
{
    /// <summary>
    /// The store to receive into: a folder given with <c>-o</c>, a named share, or the first receive share.
    /// Returns a description for people (e.g. <c>share inbox</c>).
    /// </summary>
    /// <exception cref="ConfigurationException">The share does not exist or does not receive, or none is configured.</exception>
    public static (IFileStore Store, AcceptRule Accept, ConflictRule OnConflict, string Description) ChooseTarget(
        NodeComponents components, string? shareName, string? outputDirectory)
    {
        if (!string.IsNullOrEmpty(outputDirectory))
        {
            var root = Path.GetFullPath(outputDirectory);
            var store = components.CreateStore("local", "output", new Dictionary<string, string?> { ["root"] = root });
            return (store, AcceptRule.Ask, ConflictRule.Rename, $"folder {root}");
        }

        components.RequireAllConfigured();
        components.CreateShares();
        var share = string.IsNullOrEmpty(shareName)
            ? components.Shares.OfType<Share>().FirstOrDefault(s => s.Access == ShareAccess.Receive)
                ?? throw new ConfigurationException("shares", "no share receives files (access \"receive\"); add one or pass -o DIR.")
            : (Share)components.GetShare(shareName);
        if (share.Access != ShareAccess.Receive)
        {
            throw new ConfigurationException($"shares:{share.Name}:access", $"the share '{share.Name}' does not receive files (its access is not \"receive\").");
        }

        return (share.Store, share.Settings.Accept, share.Settings.OnConflict, $"share {share.Name}");
    }

    public static ReceiveContext Context(
        NodeComponents components,
        IFileStore store,
        AcceptRule accept,
        ConflictRule onConflict,
        Func<IncomingOffer, CancellationToken, ValueTask<bool>>? ask,
        IProgress<TransferProgress>? progress) => new()
        {
            Store = store,
            Node = components.Node,
            Progress = progress,
            LoggerFactory = components.LoggerFactory,
            Policy = new ReceivePolicy
            {
                Accept = accept,
                Ask = ask,
                OnConflict = onConflict,
                IsKnownPeer = null,
            },
        };
}
