using ShareKit.Host.Node;
using ShareKit.Host.Node.Messages;
using ShareKit.Node.Tests.Support;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Node.Tests;

public sealed class TransferTests
{
    internal static SendOptions Sender(string name = "sender") => new() { Node = new NodeIdentity(NodeId.NewRandom(), name) };

    [Fact]
    public async Task A_mixed_tree_arrives_byte_and_mtime_exact()
    {
        using var temp = new TempDirectory();
        var tree = temp.Combine("out", "tree");
        temp.WriteFile("out/tree/a.txt", "hello"u8.ToArray());
        temp.WriteFile("out/tree/empty.bin", []);
        temp.WriteFile("out/tree/nested/deeper/ünïcödé 文件.dat", RandomBytes(300_000, 1));
        temp.WriteFile("out/tree/nested/big.bin", RandomBytes(20 << 20, 2));
        Directory.CreateDirectory(temp.Combine("out", "tree", "empty folder", "inner"));
        File.SetLastWriteTimeUtc(temp.Combine("out", "tree", "a.txt"), new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddTicks(1234567));
        var single = temp.WriteFile("out/single.txt", RandomBytes(5000, 3));
        await using var receiver = new LoopbackReceiver(temp);
        var progress = new RecordingProgress();

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [tree, single], Sender(), progress, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Delivered, outcome);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("receiver", outcome.PeerName);
        TreeAssert.Identical(tree, receiver.Store.Full(StorePath.Parse("tree")));
        Assert.True(TreeAssert.SameContent(single, receiver.Store.Full(StorePath.Parse("single.txt"))));
        Assert.Equal(TransferStatus.Delivered, (await receiver.Outcome).Status);
        Assert.Contains(progress.Events, e => e.Kind == TransferProgressKind.ItemProgress && e.ItemPath == "tree/nested/big.bin");
        Assert.Equal(outcome.Items.Count, progress.Events.Count(e => e.Kind == TransferProgressKind.ItemDone));
        Assert.Empty(Directory.GetFiles(receiver.Store.Staging));
    }

    [Fact]
    public async Task Ten_thousand_small_files_all_arrive()
    {
        using var temp = new TempDirectory();
        var root = temp.Combine("out", "many");
        for (var d = 0; d < 10; d++)
        {
            Directory.CreateDirectory(Path.Combine(root, $"d{d}"));
            for (var f = 0; f < 1000; f++)
            {
                var content = new byte[4096];
                BitConverter.TryWriteBytes(content, (d * 1000) + f);
                File.WriteAllBytes(Path.Combine(root, $"d{d}", $"f{f:D4}.bin"), content);
            }
        }

        await using var receiver = new LoopbackReceiver(temp);

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [root], Sender(), null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Delivered, outcome);
        Assert.Equal(10_011, outcome.Items.Count);
        TreeAssert.Identical(root, receiver.Store.Full(StorePath.Parse("many")));
    }

    [Fact]
    public async Task A_name_clash_is_renamed_and_nothing_is_overwritten()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("out/report.pdf", RandomBytes(1000, 4));
        await using var receiver = new LoopbackReceiver(temp);
        File.WriteAllText(receiver.Store.Full(StorePath.Parse("report.pdf")), "mine");
        File.WriteAllText(receiver.Store.Full(StorePath.Parse("report (1).pdf")), "mine too");

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [file], Sender(), null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Delivered, outcome);
        Assert.Equal("report (2).pdf", outcome.Items[0].SavedAs);
        Assert.Equal("mine", File.ReadAllText(receiver.Store.Full(StorePath.Parse("report.pdf"))));
        Assert.True(TreeAssert.SameContent(file, receiver.Store.Full(StorePath.Parse("report (2).pdf"))));
    }

    [Fact]
    public async Task A_name_clash_is_refused_when_the_share_says_refuse()
    {
        using var temp = new TempDirectory();
        var clash = temp.WriteFile("out/notes.txt", "theirs"u8.ToArray());
        var fresh = temp.WriteFile("out/fresh.txt", "new"u8.ToArray());
        await using var receiver = new LoopbackReceiver(temp, new ReceivePolicy { Accept = AcceptRule.All, OnConflict = ConflictRule.Refuse });
        File.WriteAllText(receiver.Store.Full(StorePath.Parse("notes.txt")), "mine");

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [clash, fresh], Sender(), null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Declined, outcome);
        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal(ItemStatus.Refused, outcome.Items[0].Status);
        Assert.Contains("exists in the share", outcome.Items[0].Reason, StringComparison.Ordinal);
        Assert.Equal(ItemStatus.Ok, outcome.Items[1].Status);
        Assert.Equal("mine", File.ReadAllText(receiver.Store.Full(StorePath.Parse("notes.txt"))));
    }

    [Fact]
    public async Task The_receiver_is_asked_and_a_no_declines_the_offer()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("out/x.bin", RandomBytes(1234, 5));
        IncomingOffer? asked = null;
        var policy = new ReceivePolicy
        {
            Accept = AcceptRule.Ask,
            Ask = (offer, _) =>
            {
                asked = offer;
                return ValueTask.FromResult(false);
            },
        };
        await using var receiver = new LoopbackReceiver(temp, policy);

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [file], Sender("alice's laptop"), null, CancellationToken.None);

        OutcomeAssert.Is(TransferStatus.Declined, outcome);
        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("the user said no", outcome.Reason, StringComparison.Ordinal);
        Assert.NotNull(asked);
        Assert.Equal("alice's laptop", asked.SenderName);
        Assert.Equal(1, asked.FileCount);
        Assert.Equal(1234, asked.TotalSize);
        Assert.Null(asked.Peer);
        Assert.Empty(Directory.EnumerateFileSystemEntries(receiver.Store.Root));
    }

    [Fact]
    public async Task Known_peers_are_not_asked_but_unknown_ones_without_anyone_to_ask_are_declined()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("out/x.bin", RandomBytes(10, 6));
        await using var receiver = new LoopbackReceiver(temp, new ReceivePolicy { Accept = AcceptRule.KnownPeers, IsKnownPeer = _ => true });

        var outcome = await PeerSender.SendAsync(receiver.Connector(), [file], Sender(), null, CancellationToken.None);

        // The test connection carries no authenticated identity, so the peer cannot be known.
        OutcomeAssert.Is(TransferStatus.Declined, outcome);
        Assert.Contains("only from known peers", outcome.Reason, StringComparison.Ordinal);
    }

    internal static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
