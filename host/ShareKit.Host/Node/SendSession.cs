using System.Buffers;
using System.Security.Cryptography;
using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>One outgoing transfer: Hello, Offer, Decision, then lanes that stream items while results come back.</summary>
internal sealed class SendSession
{
    private readonly Func<CancellationToken, ValueTask<IConnection>> connect;
    private readonly List<LocalItem> items;
    private readonly SendOptions options;
    private readonly IProgress<TransferProgress>? progress;
    private readonly string transferId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly ItemResult?[] results;
    private readonly long totalSize;
    private long totalBytes;
    private long contentBytes;
    private int itemsDone;

    public SendSession(Func<CancellationToken, ValueTask<IConnection>> connect, List<LocalItem> items, SendOptions options, IProgress<TransferProgress>? progress)
    {
        this.connect = connect;
        this.items = items;
        this.options = options;
        this.progress = progress;
        results = new ItemResult?[items.Count];
        totalSize = items.Sum(i => i.Offered.Size);
    }

    public async Task<TransferOutcome> RunAsync(CancellationToken ct)
    {
        MuxSession? session = null;
        string? peerName = null;
        try
        {
            session = await MuxSession.OpenAsInitiatorAsync(await connect(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            var control = session.Control;
            await control.SendAsync(SessionMessages.MakeHello(options.Node, options.MaxDataConnections > 0), ct).ConfigureAwait(false);
            var hello = await SessionMessages.ExpectAsync<Hello>(control, "hello", ct).ConfigureAwait(false);
            SessionMessages.CheckPeerHello(hello);
            peerName = hello.Name;
            await SendOfferAsync(control, ct).ConfigureAwait(false);
            var decision = await SessionMessages.ExpectAsync<Decision>(control, "decision", ct).ConfigureAwait(false);
            if (decision.TransferId != transferId)
            {
                throw new PeerProtocolException(ErrorCodes.Protocol, "The peer's decision names another transfer.");
            }

            if (!decision.Accepted)
            {
                await control.CompleteAsync().ConfigureAwait(false);
                return new TransferOutcome(TransferStatus.Declined, $"{peerName} declined: {decision.Reason ?? "no reason given"}", peerName, [], 0);
            }

            var failure = await StreamAsync(session, decision, hello, ct).ConfigureAwait(false);
            await control.CompleteAsync().ConfigureAwait(false);
            return Outcome(failure, peerName);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (session is not null)
            {
                await session.Control.SendFinalAsync(new Cancel(transferId, "The sender cancelled."), CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
        catch (Exception e) when (e is ShareKitException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            if (session is not null && SessionMessages.ErrorFor(e) is { } error)
            {
                await session.Control.SendFinalAsync(error, CancellationToken.None).ConfigureAwait(false);
            }

            return Outcome(SessionMessages.Describe(e), peerName);
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async ValueTask SendOfferAsync(ControlChannel control, CancellationToken ct)
    {
        var part = new List<OfferedItem>(Math.Min(items.Count, PeerProtocol.MaxItemsPerOfferPart));
        for (var i = 0; i < items.Count; i++)
        {
            part.Add(items[i].Offered);
            if (part.Count == PeerProtocol.MaxItemsPerOfferPart && i + 1 < items.Count)
            {
                await control.SendAsync(new Offer(transferId, part.ToArray(), false), ct).ConfigureAwait(false);
                part.Clear();
            }
        }

        await control.SendAsync(new Offer(transferId, part.ToArray(), true), ct).ConfigureAwait(false);
    }

    /// <summary>Runs the lanes and collects results; returns why the transfer failed, or null.</summary>
    private async Task<string?> StreamAsync(MuxSession session, Decision decision, Hello peerHello, CancellationToken ct)
    {
        var offsets = new long[items.Count];
        foreach (var point in decision.Resume)
        {
            if (point.Index < 0 || point.Index >= items.Count || items[point.Index].FullPath is null ||
                point.Offset < 0 || point.Offset > items[point.Index].Offered.Size)
            {
                throw new PeerProtocolException(ErrorCodes.Protocol, "The peer's decision holds an impossible resume offset.");
            }

            offsets[point.Index] = point.Offset;
        }

        foreach (var index in decision.Refused)
        {
            if (index < 0 || index >= items.Count)
            {
                throw new PeerProtocolException(ErrorCodes.Protocol, "The peer's decision refuses an item that was not offered.");
            }

            offsets[index] = -1;
        }

        totalBytes = offsets.Where(o => o > 0).Sum();
        progress?.Report(new TransferProgress(TransferProgressKind.Started, -1, string.Empty, 0, 0, totalBytes, totalSize, 0, items.Count));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var plan = SendPlan.Make(items, offsets, decision, peerHello, options);
        var lanes = RunLanesAsync(session, plan, offsets, decision, stop.Token);
        var collect = CollectResultsAsync(session.Control, stop.Token);
        if (await Task.WhenAny(lanes, collect).ConfigureAwait(false) == lanes && !lanes.IsCompletedSuccessfully)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        string? failure = null;
        try
        {
            await collect.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ShareKitException or IOException or ObjectDisposedException)
        {
            failure = SessionMessages.Describe(e);
            if (SessionMessages.ErrorFor(e) is { } error)
            {
                await session.Control.SendFinalAsync(error, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await lanes.ConfigureAwait(false);
        }
        catch (Exception e) when (e is ShareKitException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            ct.ThrowIfCancellationRequested();
            failure ??= SessionMessages.Describe(e);
        }

        return failure;
    }

    private async Task CollectResultsAsync(ControlChannel control, CancellationToken ct)
    {
        var pending = items.Count;
        while (pending > 0)
        {
            var message = await control.ReceiveAsync(ct).ConfigureAwait(false);
            if (message is not ItemResult result)
            {
                throw message is null
                    ? new PeerEndedException("The receiver closed the session before every item was confirmed.")
                    : SessionMessages.Unexpected(message, "item results");
            }

            if (result.Index < 0 || result.Index >= items.Count || results[result.Index] is not null)
            {
                throw new PeerProtocolException(ErrorCodes.Protocol, "The receiver reported a result for an unknown or finished item.");
            }

            results[result.Index] = result;
            pending--;
            var done = Interlocked.Increment(ref itemsDone);
            var item = items[result.Index].Offered;
            progress?.Report(new TransferProgress(
                result.Status == ItemStatus.Ok ? TransferProgressKind.ItemDone : TransferProgressKind.ItemFailed,
                result.Index, item.Path, item.Size, item.Size, Volatile.Read(ref totalBytes), totalSize, done, items.Count, result.Reason));
        }
    }

    private async Task RunLanesAsync(MuxSession session, SendPlan plan, long[] offsets, Decision decision, CancellationToken ct)
    {
        var tasks = new List<Task>();
        for (var i = 0; i < plan.ChannelLanes; i++)
        {
            tasks.Add(ChannelLaneAsync(session, plan.Small, offsets, ct));
        }

        for (var i = 0; i < plan.DataLanes; i++)
        {
            tasks.Add(DataLaneAsync(plan.Big, offsets, decision.DataToken!, ct));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task ChannelLaneAsync(MuxSession session, WorkQueue queue, long[] offsets, CancellationToken ct)
    {
        var pipe = await session.OfferLaneAsync(ct).ConfigureAwait(false);
        try
        {
            await SendItemsAsync(new LaneWriter(pipe.Output), queue, offsets, ct).ConfigureAwait(false);
            await pipe.Output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await pipe.Output.CompleteAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    private async Task DataLaneAsync(WorkQueue queue, long[] offsets, string token, CancellationToken ct)
    {
        var connection = await connect(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var output = connection.Transport.Output;
            await Preamble.WriteAsync(output, ConnectionKind.Data, ct).ConfigureAwait(false);
            var frame = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes<Message>(new DataConnect(transferId, token), MessageJsonContext.Default.Message);
            ControlChannel.WriteFrame(output, frame);
            await SendItemsAsync(new LaneWriter(output), queue, offsets, ct).ConfigureAwait(false);
            await output.CompleteAsync().ConfigureAwait(false);

            // The receiver closes its side once it has read the lane; closing first could cut data still in flight.
            var input = connection.Transport.Input;
            for (var reads = 0; reads < 1000; reads++)
            {
                var result = await input.ReadAsync(ct).ConfigureAwait(false);
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
    }

    private async Task SendItemsAsync(LaneWriter writer, WorkQueue queue, long[] offsets, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PeerProtocol.MaxChunkBytes);
        try
        {
            while (queue.TryTake(out var index))
            {
                await SendItemAsync(writer, index, offsets[index], buffer, ct).ConfigureAwait(false);
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendItemAsync(LaneWriter writer, int index, long offset, byte[] buffer, CancellationToken ct)
    {
        var item = items[index];
        var size = item.Offered.Size;
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(item.FullPath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writer.BeginItem(index, offset);
            await writer.AbortItemAsync($"The sender cannot read '{item.Offered.Path}': {e.Message}", ct).ConfigureAwait(false);
            return;
        }

        using (handle)
        using (var hasher = new ContentHasher())
        {
            var position = 0L;
            while (position < offset)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, offset - position)), position);
                if (read == 0)
                {
                    break;
                }

                hasher.Append(buffer.AsSpan(0, read));
                position += read;
            }

            writer.BeginItem(index, offset);
            if (position < offset)
            {
                await writer.AbortItemAsync($"'{item.Offered.Path}' changed on the sender (it is now shorter than the part already received).", ct).ConfigureAwait(false);
                return;
            }

            while (position < size)
            {
                var want = (int)Math.Min(PeerProtocol.MaxChunkBytes, size - position);
                var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, want), position, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    await writer.AbortItemAsync($"'{item.Offered.Path}' changed on the sender while it was being sent (it became shorter).", ct).ConfigureAwait(false);
                    return;
                }

                hasher.Append(buffer.AsSpan(0, read));
                await writer.WriteChunkAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                position += read;
                Interlocked.Add(ref contentBytes, read);
                var total = Interlocked.Add(ref totalBytes, read);
                if (progress is not null && size >= PeerProtocol.MaxChunkBytes)
                {
                    progress.Report(new TransferProgress(TransferProgressKind.ItemProgress, index, item.Offered.Path, position, size, total, totalSize, Volatile.Read(ref itemsDone), items.Count));
                }
            }

            var hash = new byte[PeerProtocol.HashBytes];
            hasher.Finish(hash);
            await writer.EndItemAsync(hash, ct).ConfigureAwait(false);
        }
    }

    private TransferOutcome Outcome(string? failure, string? peerName)
    {
        var outcomes = new ItemOutcome[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var result = results[i];
            outcomes[i] = result is null
                ? new ItemOutcome(items[i].Offered.Path, ItemStatus.Failed, null, failure ?? "not confirmed by the receiver")
                : new ItemOutcome(items[i].Offered.Path, result.Status, result.SavedAs, result.Reason);
        }

        var failed = outcomes.Count(o => o.Status == ItemStatus.Failed);
        var refused = outcomes.Count(o => o.Status == ItemStatus.Refused);
        var bytes = Interlocked.Read(ref contentBytes);
        if (failure is not null || failed > 0)
        {
            var reason = failure ?? (failed == 1
                ? $"'{outcomes.First(o => o.Status == ItemStatus.Failed).Path}' failed: {outcomes.First(o => o.Status == ItemStatus.Failed).Reason}"
                : $"{failed} items failed; the first: '{outcomes.First(o => o.Status == ItemStatus.Failed).Path}': {outcomes.First(o => o.Status == ItemStatus.Failed).Reason}");
            return new TransferOutcome(TransferStatus.Failed, reason, peerName, outcomes, bytes);
        }

        return refused > 0
            ? new TransferOutcome(TransferStatus.Declined, $"{peerName} refused {refused} of {items.Count} items; the first: '{outcomes.First(o => o.Status == ItemStatus.Refused).Path}': {outcomes.First(o => o.Status == ItemStatus.Refused).Reason}", peerName, outcomes, bytes)
            : new TransferOutcome(TransferStatus.Delivered, null, peerName, outcomes, bytes);
    }
}
