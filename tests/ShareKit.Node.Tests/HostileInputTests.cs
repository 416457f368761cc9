using System.Buffers.Binary;
using System.Text;
using ShareKit.Host.Node;
using ShareKit.Host.Node.Messages;
using ShareKit.Node.Tests.Support;
using ShareKit.Testing;

namespace ShareKit.Node.Tests;

public sealed class HostileInputTests
{
    [Theory]
    [InlineData("../evil.txt", "'..' segments are not allowed")]
    [InlineData("/etc/passwd", "absolute paths are not allowed")]
    [InlineData("a\u0000b.txt", "NUL")]
    [InlineData("C:/windows.txt", "drive letters")]
    [InlineData("a\\b.txt", "backslashes")]
    public async Task An_offer_with_a_hostile_path_ends_the_session_and_stores_nothing(string path, string expected)
    {
        await AssertOfferRefusedAsync(expected, RawPeer.FileJson(path, 5));
    }

    [Fact]
    public async Task An_offer_with_an_over_long_name_is_refused()
    {
        await AssertOfferRefusedAsync("longer than 255 bytes", RawPeer.FileJson(new string('x', 300), 5));
    }

    [Fact]
    public async Task An_offer_with_a_duplicate_path_is_refused()
    {
        await AssertOfferRefusedAsync("'a.txt' is offered twice", RawPeer.FileJson("a.txt", 1), RawPeer.FileJson("a.txt", 2));
    }

    [Fact]
    public async Task An_offer_with_a_file_and_a_folder_of_one_name_is_refused()
    {
        await AssertOfferRefusedAsync("both as a file and as a folder", RawPeer.DirJson("x"), RawPeer.FileJson("x", 2));
    }

    [Fact]
    public async Task An_offer_using_a_file_as_a_folder_is_refused()
    {
        await AssertOfferRefusedAsync("offered as a file and also as the folder", RawPeer.FileJson("x", 2), RawPeer.FileJson("x/y", 2));
    }

    [Fact]
    public async Task An_offer_with_a_negative_size_is_refused()
    {
        await AssertOfferRefusedAsync("impossible size", RawPeer.FileJson("a.txt", -5));
    }

    [Fact]
    public async Task A_second_hello_ends_the_session()
    {
        await AssertSessionErrorAsync("second hello", peer => peer.SendJsonAsync(RawPeer.HelloJson(1)));
    }

    [Fact]
    public async Task An_unknown_message_type_ends_the_session()
    {
        await AssertSessionErrorAsync("unknown message type 'bogus'", peer => peer.SendJsonAsync("""{"type":"bogus","x":1}"""));
    }

    [Fact]
    public async Task A_malformed_message_ends_the_session()
    {
        await AssertSessionErrorAsync("malformed 'offer' message", peer => peer.SendJsonAsync("""{"type":"offer","transferId":5}"""));
    }

    [Fact]
    public async Task Broken_json_ends_the_session()
    {
        await AssertSessionErrorAsync("malformed control message", peer => peer.SendRawAsync("{not json"u8.ToArray()));
    }

    [Fact]
    public async Task An_oversized_frame_ends_the_session()
    {
        await AssertSessionErrorAsync("the limit is 4194304 bytes", peer => peer.SendRawAsync([], claimedLength: 64 << 20));
    }

    [Fact]
    public async Task A_major_version_mismatch_ends_the_session_with_a_readable_reason()
    {
        using var temp = new TempDirectory();
        await using var receiver = new LoopbackReceiver(temp);
        await using var peer = await RawPeer.ConnectAsync(receiver.Address);

        await peer.SendJsonAsync(RawPeer.HelloJson(2));

        Assert.Contains("speaks ShareKit protocol 2.0 and this node speaks 1.0", await peer.ReceiveErrorAsync(), StringComparison.Ordinal);
        Assert.Contains("protocol 2.0", (await receiver.Outcome).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 20, "sent more than the 10 bytes")]
    [InlineData(10, 5, "5 bytes fewer than the 10")]
    public async Task Data_that_contradicts_the_offered_size_fails_the_item_and_stores_nothing(int offered, int sent, string expected)
    {
        using var temp = new TempDirectory();
        await using var receiver = new LoopbackReceiver(temp);
        await using var peer = await RawPeer.GreetAsync(receiver.Address);
        await peer.SendJsonAsync(RawPeer.OfferJson(RawPeer.FileJson("claim.bin", offered)));
        var decision = Assert.IsType<Decision>(await peer.ReceiveAsync());
        Assert.True(decision.Accepted);

        var lane = await peer.OpenLaneAsync();
        var writer = new LaneWriter(lane.Output);
        var content = new byte[sent];
        using var hasher = new ContentHasher();
        hasher.Append(content);
        var hash = new byte[32];
        hasher.Finish(hash);
        writer.BeginItem(0, 0);
        await writer.WriteChunkAsync(content, CancellationToken.None);
        await writer.EndItemAsync(hash, CancellationToken.None);
        await lane.Output.CompleteAsync();

        var result = Assert.IsType<ItemResult>(await peer.ReceiveAsync());
        Assert.Equal(ItemStatus.Failed, result.Status);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(receiver.Store.Root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(receiver.Store.Staging));
    }

    [Fact]
    public async Task Data_for_an_item_that_was_not_offered_ends_the_session()
    {
        using var temp = new TempDirectory();
        await using var receiver = new LoopbackReceiver(temp);
        await using var peer = await RawPeer.GreetAsync(receiver.Address);
        await peer.SendJsonAsync(RawPeer.OfferJson(RawPeer.FileJson("a.bin", 3)));
        Assert.IsType<Decision>(await peer.ReceiveAsync());

        var lane = await peer.OpenLaneAsync();
        var writer = new LaneWriter(lane.Output);
        writer.BeginItem(7, 0);
        await writer.FlushAsync(CancellationToken.None);

        Assert.Contains("item 7, which it did not offer", await peer.ReceiveErrorAsync(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(receiver.Store.Root));
    }

    [Fact]
    public async Task A_frame_cut_short_by_a_vanishing_peer_ends_the_session_with_a_reason()
    {
        using var temp = new TempDirectory();
        await using var receiver = new LoopbackReceiver(temp);
        var peer = await RawPeer.GreetAsync(receiver.Address);
        var prefix = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, 100);
        await peer.SendRawAsync(Encoding.UTF8.GetBytes("{\"type\":\"off"), claimedLength: 100);
        await peer.DisposeAsync();

        var outcome = await receiver.Outcome;
        OutcomeAssert.Is(TransferStatus.Failed, outcome);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    private static async Task AssertOfferRefusedAsync(string expected, params string[] items)
    {
        using var temp = new TempDirectory();
        await using var receiver = new LoopbackReceiver(temp);
        await using var peer = await RawPeer.GreetAsync(receiver.Address);

        await peer.SendJsonAsync(RawPeer.OfferJson(items));

        var error = await peer.ReceiveErrorAsync();
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("Nothing was received", error, StringComparison.Ordinal);
        var outcome = await receiver.Outcome;
        OutcomeAssert.Is(TransferStatus.Failed, outcome);
        Assert.Contains(expected, outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(receiver.Store.Root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(receiver.Store.Staging));
    }

    private static async Task AssertSessionErrorAsync(string expected, Func<RawPeer, Task> misbehave)
    {
        using var temp = new TempDirectory();
        await using var receiver = new LoopbackReceiver(temp);
        await using var peer = await RawPeer.GreetAsync(receiver.Address);

        await misbehave(peer);

        Assert.Contains(expected, await peer.ReceiveErrorAsync(), StringComparison.Ordinal);
        var outcome = await receiver.Outcome;
        OutcomeAssert.Is(TransferStatus.Failed, outcome);
        Assert.Contains(expected, outcome.Reason, StringComparison.Ordinal);
    }
}
