using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>
/// One disk write in flight at a time, so a lane receives and hashes the next buffer while the previous one is
/// written. Write errors come back as readable failure reasons (a full disk is the usual one).
/// </summary>
internal sealed class BackgroundWriter
{
    private Task? inflight;

    /// <summary>Waits for the previous write, then starts writing <paramref name="data"/>; returns the previous write's failure, if any.</summary>
    public async ValueTask<string?> StartAsync(Stream content, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var failure = await FinishAsync().ConfigureAwait(false);
        if (failure is null)
        {
            inflight = content.WriteAsync(data, ct).AsTask();
        }

        return failure;
    }

    /// <summary>Waits for the write in flight; returns why it failed, or null.</summary>
    public async ValueTask<string?> FinishAsync()
    {
        var task = inflight;
        inflight = null;
        if (task is null)
        {
            return null;
        }

        try
        {
            await task.ConfigureAwait(false);
            return null;
        }
        catch (StorageFullException e)
        {
            return $"the receiving share is full: {e.Message}";
        }
        catch (IOException e) when (e.HResult == 28)
        {
            return $"the receiving share is full: {e.Message}";
        }
        catch (Exception e) when (e is StorageException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            return $"it could not be written: {e.Message}";
        }
    }
}
