using ShareKit.Host.Node;
using ShareKit.Host.Node.Messages;
using ShareKit.Node.Tests.Support;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Node.Tests;

public sealed class FaultTests
{
    private const int Size = 24 << 20;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_connection_resumes_from_the_staged_part_and_arrives_intact(bool dataConnection)
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("out/movie.mkv", TransferTests.RandomBytes(Size, 7));
        await using var receiver = await LoopbackReceiver.StartAsync(temp);
        var options = TransferTests.Sender() is var o && dataConnection ? o : new SendOptions { Node = o.Node, MaxDataConnections = 0 };

        // Connection 0 is the session; with data connections the item travels on connection 1.
        var cutConnection = dataConnection ? 1 : 0;
        var broken = await PeerSender.SendAsync(
            receiver.Connector(n => n == cutConnection ? new CutAfter(10 << 20) : null),
            [file], options, null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Failed, broken);
        OutcomeAssert.Is(TransferStatus.Failed, await receiver.Outcome);
        var stagedLength = Assert.Single(receiver.StagedParts());
        Assert.InRange(stagedLength, 1, Size - 1);
        Assert.False(File.Exists(receiver.Full("movie.mkv")));

        await using var second = await LoopbackReceiver.StartAsync(temp);
        var resumed = await PeerSender.SendAsync(second.Connector(), [file], options, null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Delivered, resumed);
        Assert.Equal(Size - stagedLength, resumed.ContentBytes);
        Assert.True(TreeAssert.SameContent(file, second.Full("movie.mkv")));
        Assert.Empty(second.StagedParts());
    }

    [Fact]
    public async Task A_staged_part_that_does_not_match_the_file_fails_the_hash_and_is_discarded()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("out/data.bin", TransferTests.RandomBytes(3 << 20, 8));
        await using var receiver = await LoopbackReceiver.StartAsync(temp);
        var stale = await receiver.Store.BeginWriteAsync(StorePath.Parse("data.bin"), WriteMode.CreateNew, CancellationToken.None);
        await using (stale)
        {
            await stale.Content.WriteAsync(TransferTests.RandomBytes(1 << 20, 9));
        }

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [file], TransferTests.Sender(), null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Failed, outcome);
        Assert.Contains("content hash does not match", outcome.Items[0].Reason, StringComparison.Ordinal);
        Assert.Empty(receiver.Listing());
        Assert.Empty(receiver.StagedParts());

        var again = await PeerSender.SendAsync(receiver.Connector(), [file], TransferTests.Sender(), null, CancellationToken.None);
        OutcomeAssert.Is(TransferStatus.Delivered, again);
        Assert.True(TreeAssert.SameContent(file, receiver.Full("data.bin")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_byte_flipped_in_transit_is_caught_and_nothing_is_committed(bool dataConnection)
    {
        using var temp = new TempDirectory();
        var content = new byte[dataConnection ? 20 << 20 : 3 << 20];
        Array.Fill(content, (byte)0x5A);
        var file = temp.WriteFile("out/flip.bin", content);
        await using var receiver = await LoopbackReceiver.StartAsync(temp);
        var options = dataConnection
            ? new SendOptions { Node = TransferTests.Sender().Node, DataConnectionThreshold = 1 << 20 }
            : new SendOptions { Node = TransferTests.Sender().Node, MaxDataConnections = 0 };

        var outcome = await PeerSender.SendAsync(
            receiver.Connector(_ => new FlipOneByte(0x5A)), [file], options, null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Failed, outcome);
        Assert.Equal(ItemStatus.Failed, outcome.Items[0].Status);
        Assert.Contains("damaged on the way", outcome.Items[0].Reason, StringComparison.Ordinal);
        Assert.Empty(receiver.Listing());
        Assert.Empty(receiver.StagedParts());
    }

    [Fact]
    public async Task A_full_share_fails_the_item_with_a_readable_reason_and_commits_nothing()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("out/big.iso", TransferTests.RandomBytes(8 << 20, 10));
        await using var disk = await SmallDisk.MountAsync(temp.Combine("inbox"), "4m");
        await using var receiver = await LoopbackReceiver.StartAsync(temp);

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [file], TransferTests.Sender(), null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Failed, outcome);
        Assert.Contains("the receiving share is full", outcome.Items[0].Reason, StringComparison.Ordinal);
        Assert.Empty(receiver.Listing());
    }

    [Fact]
    public async Task A_receiver_that_vanishes_fails_the_transfer_with_a_reason()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("out/x.bin", TransferTests.RandomBytes(Size, 11));
        var socketClosed = new TaskCompletionSource();
        var policy = new ReceivePolicy
        {
            Accept = AcceptRule.Ask,
            Ask = async (_, ct) =>
            {
                await socketClosed.Task.WaitAsync(ct);
                return true;
            },
        };
        await using var vanishing = await LoopbackReceiver.StartAsync(temp, policy);
        var session = new TaskCompletionSource<FaultyConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        var send = PeerSender.SendAsync(vanishing.Connector(opened: c => session.TrySetResult(c)), [file], TransferTests.Sender(), null, CancellationToken.None);
        await (await session.Task.WaitAsync(TimeSpan.FromSeconds(30))).BreakAsync();
        socketClosed.SetResult();

        var outcome = await send.WaitAsync(TimeSpan.FromMinutes(1));

        OutcomeAssert.Is(TransferStatus.Failed, outcome);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }
}
