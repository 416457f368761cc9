using ShareKit.Host.Node;
using ShareKit.Host.Node.Messages;

namespace ShareKit.Host.Cli;

/// <summary>Asks the person at the terminal whether to accept an offer: who sends (and their fingerprint), how many items, how big.</summary>
internal static class OfferPrompt
{
    private const int ItemsShown = 10;
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Null when nobody can be asked (no terminal on stdin): such offers are declined.</summary>
    public static Func<IncomingOffer, CancellationToken, ValueTask<bool>>? ForConsole() =>
        Console.IsInputRedirected ? null : AskAsync;

    private static async ValueTask<bool> AskAsync(IncomingOffer offer, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var error = Console.Error;
            var who = offer.Peer is null ? $"{offer.SenderName} (not authenticated)" : $"{offer.SenderName} ({offer.Peer.Fingerprint})";
            error.WriteLine();
            error.WriteLine($"{who} at {offer.RemoteEndpoint} wants to send {offer.FileCount} file(s), {ProgressDisplay.Bytes(offer.TotalSize)}:");
            foreach (var item in offer.Items.Take(ItemsShown))
            {
                error.WriteLine(item.Kind == ItemKind.File ? $"  {item.Path}  {ProgressDisplay.Bytes(item.Size)}" : $"  {item.Path}/");
            }

            if (offer.Items.Count > ItemsShown)
            {
                error.WriteLine($"  … and {offer.Items.Count - ItemsShown} more");
            }

            error.Write("Accept? [y/N] ");
            var answer = await Console.In.ReadLineAsync(ct);
            return answer?.Trim().ToLowerInvariant() is "y" or "yes";
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
