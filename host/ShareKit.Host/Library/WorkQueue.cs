using System.Threading.Channels;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>
/// A background queue of paths worked on one at a time, each path at most once while it waits. A failure of one
/// item is reported and the queue goes on.
/// </summary>
internal sealed class WorkQueue(Func<StorePath, CancellationToken, Task> work, Action<StorePath, Exception> failed)
{
    private readonly Channel<StorePath> channel = Channel.CreateUnbounded<StorePath>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<StorePath> waiting = [];
    private readonly Lock gate = new();
    private int busy;

    /// <summary>Items waiting or being worked on.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return waiting.Count + Volatile.Read(ref busy);
            }
        }
    }

    public void Enqueue(StorePath path)
    {
        lock (gate)
        {
            if (!waiting.Add(path))
            {
                return;
            }
        }

        channel.Writer.TryWrite(path);
    }

    /// <summary>Works through the queue until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var path in channel.Reader.ReadAllAsync(ct))
        {
            lock (gate)
            {
                waiting.Remove(path);
                busy = 1;
            }

            try
            {
                await work(path, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                failed(path, e);
            }
            finally
            {
                Volatile.Write(ref busy, 0);
            }
        }
    }
}
