using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary>Gets library files one by one into a local store, each over its own library connection, with progress.</summary>
internal sealed partial class LibraryFetch(
    IFileStore store,
    Func<CancellationToken, Task<LibraryClient>> connect,
    IProgress<TransferProgress> progress,
    int itemsTotal,
    ILogger logger)
{
    private long doneBytes;
    private long doneSizes;
    private int itemsDone;
    private int index;
    private long lastSize;
    private int reportedItem = -1;

    public string? PeerName { get; private set; }

    public long ContentBytes { get; private set; }

    /// <summary>Fetches one file into the store under its own name; returns why it failed, or null when it was saved.</summary>
    public async Task<string?> GetAsync(string remotePath, CancellationToken ct)
    {
        var itemIndex = index++;
        try
        {
            if (!StorePath.TryParse(remotePath, out var remote, out var error) || remote.IsRoot)
            {
                return $"not a file path: {error ?? "it names the whole library"}";
            }

            var local = StorePath.Root.Append(remote.Name);
            if (await store.StatAsync(local, ct) is not null)
            {
                return $"'{local.Value}' exists already in the output folder; remove it or choose another folder with -o.";
            }

            // A staged part from an earlier run may come from a file that changed since: verification then fails,
            // the part is discarded, and one more attempt starts from zero.
            for (var attempt = 0; ; attempt++)
            {
                var staged = await store.BeginWriteAsync(local, WriteMode.CreateNew, ct);
                await using (staged)
                {
                    var resumedFrom = staged.ResumeOffset;
                    try
                    {
                        await using var client = await connect(ct);
                        PeerName = client.PeerName;
                        ContentBytes += await client.FetchAsync(remote.Value, staged, (held, size) => Report(itemIndex, remote.Value, held, size), ct);
                        Done(itemIndex, remote.Value);
                        return null;
                    }
                    catch (ContentMismatchException) when (attempt == 0 && resumedFrom > 0)
                    {
                        LogRestarting(logger, remote.Value, resumedFrom);
                    }
                }
            }
        }
        catch (ShareKitException e)
        {
            itemsDone++;
            progress.Report(new TransferProgress(TransferProgressKind.ItemFailed, itemIndex, remotePath, 0, 0, doneBytes, doneSizes, itemsDone, itemsTotal, e.Message));
            return e.Message;
        }
    }

    private void Report(int itemIndex, string path, long held, long size)
    {
        // The first event of an item is shown at once (the display draws forced events only from a first one).
        var kind = reportedItem == itemIndex ? TransferProgressKind.ItemProgress : TransferProgressKind.Started;
        reportedItem = itemIndex;
        lastSize = size;
        progress.Report(new TransferProgress(kind, itemIndex, path, held, size, doneBytes + held, doneSizes + size, itemsDone, itemsTotal));
    }

    private void Done(int itemIndex, string path)
    {
        doneBytes += lastSize;
        doneSizes += lastSize;
        itemsDone++;
        progress.Report(new TransferProgress(TransferProgressKind.ItemDone, itemIndex, path, lastSize, lastSize, doneBytes, doneSizes, itemsDone, itemsTotal));
        lastSize = 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} changed on the peer since {Bytes} bytes of it were saved; fetching it whole")]
    private static partial void LogRestarting(ILogger logger, string path, long bytes);
}
