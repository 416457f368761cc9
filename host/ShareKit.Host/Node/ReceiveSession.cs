using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>One incoming transfer: Hello, Offer, the share's decision, then items from lanes and data connections.</summary>
internal sealed partial class ReceiveSession
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(30);
    private readonly PeerEndpoint endpoint;
    private readonly ReceiveContext context;
    private readonly IConnection connection;
    private readonly ILogger logger;
    private readonly TaskCompletionSource allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception> laneFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> lanes = [];
    private readonly Channel<ItemResult> outbox = Channel.CreateUnbounded<ItemResult>(new UnboundedChannelOptions { SingleReader = true });
    private MuxSession? session;
    private ReceivePlan[] plans = [];
    private ItemResult?[] results = [];
    private CancellationTokenSource? stop;
    private int remaining;
    private int laneCount;
    private long totalBytes;
    private long totalSize;
    private long contentBytes;
    private int itemsDone;

    public ReceiveSession(PeerEndpoint endpoint, ReceiveContext context, IConnection connection)
    {
        this.endpoint = endpoint;
        this.context = context;
        this.connection = connection;
        logger = context.LoggerFactory.CreateLogger<PeerEndpoint>();
    }

    public string TransferId { get; private set; } = string.Empty;

    public byte[] DataToken { get; } = RandomNumberGenerator.GetBytes(32);

    public List<OfferedItem> Items { get; } = [];

    public IFileStore Store => context.Store;

    public async Task<TransferOutcome> RunAsync(CancellationToken ct)
    {
        string? peerName = null;
        try
        {
            session = await MuxSession.OpenAsResponderAsync(connection, ct).ConfigureAwait(false);
            var control = session.Control;
            var hello = await SessionMessages.ExpectAsync<Hello>(control, "hello", ct).ConfigureAwait(false);
            SessionMessages.CheckPeerHello(hello);
            peerName = hello.Name;
            await control.SendAsync(SessionMessages.MakeHello(context.Node, context.AllowDataConnections), ct).ConfigureAwait(false);
            await ReadOfferAsync(control, ct).ConfigureAwait(false);
            var paths = OfferValidator.Validate(Items);
            totalSize = Items.Sum(i => i.Size);
            var offer = new IncomingOffer(hello.Name, hello.NodeId, connection.Peer, connection.RemoteEndpoint, Items);
            var (accepted, reason) = await DecideAsync(offer, ct).ConfigureAwait(false);
            if (!accepted)
            {
                await control.SendAsync(new Decision(TransferId, false, [], [], 0, reason), ct).ConfigureAwait(false);
                await WaitForCloseAsync(control, ct).ConfigureAwait(false);
                return new TransferOutcome(TransferStatus.Declined, $"Declined the offer from {hello.Name}: {reason}", peerName, [], 0);
            }

            await PlanAsync(paths, ct).ConfigureAwait(false);
            return await ReceiveAsync(control, peerName, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (session is not null)
            {
                await session.Control.SendFinalAsync(new Cancel(TransferId, "The receiver cancelled."), CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
        catch (Exception e) when (e is ShareKitException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            var reason = SessionMessages.Describe(e);
            LogSessionFailed(logger, connection.RemoteEndpoint.ToString(), reason);
            if (session is not null && SessionMessages.ErrorFor(e) is { } error)
            {
                await session.Control.SendFinalAsync(error, CancellationToken.None).ConfigureAwait(false);
            }

            return Outcome(reason, peerName);
        }
        finally
        {
            endpoint.Unregister(this);
            if (stop is not null)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }

            await DrainLanesAsync().ConfigureAwait(false);
            stop?.Dispose();
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims an item for a lane after checking the sender's ItemBegin against the decision.</summary>
    public ReceivePlan StartItem(int index, long offset)
    {
        if (index >= plans.Length)
        {
            throw new PeerProtocolException(ErrorCodes.Protocol, $"The sender sent data for item {index}, which it did not offer.");
        }

        var plan = plans[index];
        if (Items[index].Kind != ItemKind.File || !plan.TryStart())
        {
            throw new PeerProtocolException(ErrorCodes.Protocol, $"The sender sent data for '{Items[index].Path}', which is a folder, refused, or already sent.");
        }

        if (offset != plan.ResumeOffset)
        {
            throw new PeerProtocolException(ErrorCodes.Protocol, $"The sender sent '{Items[index].Path}' from byte {offset}, but the receiver asked for byte {plan.ResumeOffset}.");
        }

        return plan;
    }

    public void AddBytes(int index, long itemBytes, int count)
    {
        Interlocked.Add(ref contentBytes, count);
        var total = Interlocked.Add(ref totalBytes, count);
        var item = Items[index];
        if (context.Progress is not null && item.Size >= PeerProtocol.MaxChunkBytes)
        {
            context.Progress.Report(new TransferProgress(TransferProgressKind.ItemProgress, index, item.Path, itemBytes, item.Size, total, totalSize, Volatile.Read(ref itemsDone), Items.Count));
        }
    }

    /// <summary>Records an item's end and tells the sender (unless the connection is gone).</summary>
    public void FinishItem(int index, string? failure, bool reportToSender = true)
    {
        plans[index].Finish();
        var result = failure is null
            ? new ItemResult(index, ItemStatus.Ok, plans[index].Target!.Value.Value, null)
            : new ItemResult(index, ItemStatus.Failed, null, failure);
        Complete(result, reportToSender);
    }

    /// <summary>Runs a data connection's lane for this transfer (called by <see cref="PeerEndpoint"/>).</summary>
    public async Task RunDataLaneAsync(IConnection data, CancellationToken ct)
    {
        var token = stop?.Token ?? throw new PeerProtocolException(ErrorCodes.Protocol, "A data connection arrived before the transfer was accepted.");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, token);
        var task = RunLaneAsync(new LaneReader(data.Transport.Input), linked.Token);
        lock (lanes)
        {
            lanes.Add(task);
        }

        await task.ConfigureAwait(false);
    }

    private async ValueTask ReadOfferAsync(ControlChannel control, CancellationToken ct)
    {
        while (true)
        {
            var part = await SessionMessages.ExpectAsync<Offer>(control, "offer", ct).ConfigureAwait(false);
            if (Items.Count == 0)
            {
                TransferId = part.TransferId;
                if (TransferId.Length != 32 || !TransferId.All(char.IsAsciiHexDigitLower))
                {
                    throw new PeerProtocolException(ErrorCodes.BadOffer, "The offer's transfer id is not 32 lowercase hex digits.");
                }
            }
            else if (part.TransferId != TransferId)
            {
                throw new PeerProtocolException(ErrorCodes.BadOffer, "The parts of the offer name different transfers.");
            }

            if (part.Items.Count > PeerProtocol.MaxItemsPerOfferPart || Items.Count + part.Items.Count > PeerProtocol.MaxItems)
            {
                throw new PeerProtocolException(ErrorCodes.BadOffer, $"The offer holds more than {PeerProtocol.MaxItems} items, or a part with more than {PeerProtocol.MaxItemsPerOfferPart}.");
            }

            Items.AddRange(part.Items);
            if (part.Last)
            {
                return;
            }
        }
    }

    private async ValueTask<(bool Accepted, string? Reason)> DecideAsync(IncomingOffer offer, CancellationToken ct)
    {
        var policy = context.Policy;
        if (policy.Accept == AcceptRule.All ||
            (policy.Accept == AcceptRule.KnownPeers && offer.Peer is not null && policy.IsKnownPeer?.Invoke(offer.Peer) == true))
        {
            return (true, null);
        }

        if (policy.Ask is null)
        {
            return (false, "this share takes offers only from known peers, and nobody is there to ask");
        }

        return await policy.Ask(offer, ct).ConfigureAwait(false) ? (true, null) : (false, "the user said no");
    }

    private async ValueTask PlanAsync(StorePath[] paths, CancellationToken ct)
    {
        var resolver = new TargetResolver(context.Store, context.Policy.OnConflict);
        plans = new ReceivePlan[Items.Count];
        results = new ItemResult?[Items.Count];
        var probe = (context.Store.Capabilities & StoreCapabilities.ResumableWrites) != 0;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Kind == ItemKind.Dir)
            {
                resolver.ReserveFolder(paths[i]);
                plans[i] = new ReceivePlan(paths[i], null);
                continue;
            }

            var (target, refusal) = await resolver.ResolveFileAsync(paths[i], ct).ConfigureAwait(false);
            plans[i] = new ReceivePlan(target, refusal);
            if (target is { } path && probe && Items[i].Size >= PeerProtocol.MinResumableSize)
            {
                plans[i].ResumeOffset = await ProbeStagedAsync(path, Items[i].Size, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How much of the file is already staged (from an earlier, broken transfer) and can be resumed.</summary>
    private async ValueTask<long> ProbeStagedAsync(StorePath path, long size, CancellationToken ct)
    {
        try
        {
            var staged = await context.Store.BeginWriteAsync(path, WriteMode.CreateNew, ct).ConfigureAwait(false);
            await using (staged.ConfigureAwait(false))
            {
                var offset = staged.ResumeOffset;
                if (offset > 0 && (offset > size || !staged.Content.CanRead || !staged.Content.CanSeek))
                {
                    await staged.DiscardAsync(ct).ConfigureAwait(false);
                    return 0;
                }

                return offset;
            }
        }
        catch (StorageException)
        {
            // The write itself reports the reason when the item arrives.
            return 0;
        }
    }

    private async Task<TransferOutcome> ReceiveAsync(ControlChannel control, string peerName, CancellationToken ct)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        remaining = Items.Count;
        var resume = new List<ResumePoint>();
        var refused = new List<int>();
        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i].Target is null && Items[i].Kind == ItemKind.File)
            {
                refused.Add(i);
            }

            if (plans[i].ResumeOffset > 0)
            {
                resume.Add(new ResumePoint(i, plans[i].ResumeOffset));
                totalBytes += plans[i].ResumeOffset;
            }
        }

        if (context.AllowDataConnections)
        {
            endpoint.Register(this);
        }

        await control.SendAsync(new Decision(TransferId, true, refused, resume, context.MaxLanes, null, context.AllowDataConnections ? Convert.ToBase64String(DataToken) : null), ct).ConfigureAwait(false);
        context.Progress?.Report(new TransferProgress(TransferProgressKind.Started, -1, string.Empty, 0, 0, totalBytes, totalSize, 0, Items.Count));
        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i].Target is null)
            {
                Complete(new ItemResult(i, ItemStatus.Refused, null, plans[i].Refusal), true);
            }
            else if (Items[i].Kind == ItemKind.Dir)
            {
                await CreateFolderAsync(i, ct).ConfigureAwait(false);
            }
        }

        var sending = SendResultsAsync(control, stop.Token);
        var accepting = AcceptLanesAsync(stop.Token);
        var watching = WatchControlAsync(control, stop.Token);
        var first = await Task.WhenAny(allDone.Task, watching, laneFailed.Task).ConfigureAwait(false);
        if (first == laneFailed.Task)
        {
            throw await laneFailed.Task.ConfigureAwait(false);
        }

        if (first == allDone.Task)
        {
            outbox.Writer.TryComplete();
            await sending.ConfigureAwait(false);
            await Task.WhenAny(watching, Task.Delay(CloseWait, ct)).ConfigureAwait(false);
            return Outcome(null, peerName);
        }

        await watching.ConfigureAwait(false);
        _ = accepting;
        return Outcome(allDone.Task.IsCompleted ? null : "The sender closed the session before every item arrived; the parts received are kept for resume.", peerName);
    }

    private async Task CreateFolderAsync(int index, CancellationToken ct)
    {
        try
        {
            var path = plans[index].Target!.Value;
            var existing = await context.Store.StatAsync(path, ct).ConfigureAwait(false);
            if (existing is { IsDirectory: false })
            {
                Complete(new ItemResult(index, ItemStatus.Refused, null, $"a file named '{path.Value}' exists where the folder would go"), true);
                return;
            }

            await context.Store.CreateDirectoryAsync(path, ct).ConfigureAwait(false);
            Complete(new ItemResult(index, ItemStatus.Ok, path.Value, null), true);
        }
        catch (StorageException e)
        {
            Complete(new ItemResult(index, ItemStatus.Failed, null, e.Message), true);
        }
    }

    private async Task AcceptLanesAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var pipe = await session!.AcceptLaneAsync(ct).ConfigureAwait(false);
                var task = RunLaneAsync(new LaneReader(pipe.Input), ct);
                lock (lanes)
                {
                    lanes.Add(task);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException)
        {
        }
    }

    private async Task RunLaneAsync(LaneReader reader, CancellationToken ct)
    {
        try
        {
            if (Interlocked.Increment(ref laneCount) > context.MaxLanes)
            {
                throw new PeerProtocolException(ErrorCodes.Protocol, $"The sender opened more than the {context.MaxLanes} lanes the receiver allows.");
            }

            await new ItemReceiver(this, reader).RunAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ShareKitException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            laneFailed.TrySetResult(e is OperationCanceledException ? new LaneCutException() : e);
        }
    }

    private async Task WatchControlAsync(ControlChannel control, CancellationToken ct)
    {
        var message = await control.ReceiveAsync(ct).ConfigureAwait(false);
        if (message is not null)
        {
            throw SessionMessages.Unexpected(message, "items");
        }
    }

    private static async Task WaitForCloseAsync(ControlChannel control, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CloseWait);
        try
        {
            await control.ReceiveAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ShareKitException or IOException)
        {
            ct.ThrowIfCancellationRequested();
        }
    }

    private void Complete(ItemResult result, bool reportToSender)
    {
        if (Interlocked.CompareExchange(ref results[result.Index], result, null) is not null)
        {
            return;
        }

        var done = Interlocked.Increment(ref itemsDone);
        var item = Items[result.Index];
        context.Progress?.Report(new TransferProgress(
            result.Status == ItemStatus.Ok ? TransferProgressKind.ItemDone : TransferProgressKind.ItemFailed,
            result.Index, item.Path, item.Size, item.Size, Volatile.Read(ref totalBytes), totalSize, done, Items.Count, result.Reason));
        if (reportToSender)
        {
            outbox.Writer.TryWrite(result);
        }

        if (Interlocked.Decrement(ref remaining) == 0)
        {
            allDone.TrySetResult();
        }
    }

    /// <summary>Sends item results as they come, batching whatever is queued into one flush.</summary>
    private async Task SendResultsAsync(ControlChannel control, CancellationToken ct)
    {
        var batch = new List<Message>();
        try
        {
            while (await outbox.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < 1000 && outbox.Reader.TryRead(out var result))
                {
                    batch.Add(result);
                }

                await control.SendBatchAsync(batch, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or ShareKitException)
        {
            laneFailed.TrySetResult(new LaneCutException());
        }
    }

    private async Task DrainLanesAsync()
    {
        Task[] running;
        lock (lanes)
        {
            running = [.. lanes];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private TransferOutcome Outcome(string? failure, string? peerName)
    {
        var outcomes = new ItemOutcome[Items.Count];
        for (var i = 0; i < Items.Count; i++)
        {
            var result = i < results.Length ? results[i] : null;
            outcomes[i] = result is null
                ? new ItemOutcome(Items[i].Path, ItemStatus.Failed, null, failure ?? "not received")
                : new ItemOutcome(Items[i].Path, result.Status, result.SavedAs, result.Reason);
        }

        var bytes = Interlocked.Read(ref contentBytes);
        var failed = outcomes.FirstOrDefault(o => o.Status == ItemStatus.Failed);
        if (failure is not null || failed is not null)
        {
            return new TransferOutcome(TransferStatus.Failed, failure ?? $"'{failed!.Path}' failed: {failed.Reason}", peerName, outcomes, bytes);
        }

        var refused = outcomes.FirstOrDefault(o => o.Status == ItemStatus.Refused);
        return refused is not null
            ? new TransferOutcome(TransferStatus.Declined, $"'{refused.Path}' was refused: {refused.Reason}", peerName, outcomes, bytes)
            : new TransferOutcome(TransferStatus.Delivered, null, peerName, outcomes, bytes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer session from {Remote} ended: {Reason}")]
    private static partial void LogSessionFailed(ILogger logger, string remote, string reason);
}
