using System.Security.Cryptography;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Security.Tests.Support;

namespace ShareKit.Security.Tests.Layer;

public sealed class RecordTests
{
    [Fact]
    public async Task Data_arrives_intact_in_both_directions_and_ends_with_the_close_record()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");
        var (client, server) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await using var _ = client;
        await using var __ = server;
        var upload = PipeData.Random((5 * 1024 * 1024) + 17);
        var download = PipeData.Random(300_001);

        var sendUp = PipeData.WriteAsync(client.Transport.Output, upload, chunk: 100_000);
        var sendDown = PipeData.WriteAsync(server.Transport.Output, download, chunk: 7_000);
        var receivedUp = PipeData.ReadToEndAsync(server.Transport.Input);
        var receivedDown = PipeData.ReadToEndAsync(client.Transport.Input);
        await Task.WhenAll(sendUp, sendDown);

        Assert.Equal(SHA256.HashData(upload), SHA256.HashData(await receivedUp));
        Assert.Equal(SHA256.HashData(download), SHA256.HashData(await receivedDown));
    }

    [Fact]
    public async Task Rekeying_every_few_records_keeps_both_sides_in_step()
    {
        var options = new EncryptedLayerOptions { RekeyAfterRecords = 3 };
        using var alice = new TestNode("alice", options);
        using var bob = new TestNode("bob", options);
        var (client, server) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await using var _ = client;
        await using var __ = server;
        var data = PipeData.Random(2 * 1024 * 1024);

        var send = PipeData.WriteAsync(client.Transport.Output, data, chunk: 10_000);
        var received = await PipeData.ReadToEndAsync(server.Transport.Input);
        await send;

        Assert.Equal(SHA256.HashData(data), SHA256.HashData(received));
    }

    [Fact]
    public async Task Sides_that_rekey_at_different_points_detect_it()
    {
        using var alice = new TestNode("alice", new EncryptedLayerOptions { RekeyAfterRecords = 2 });
        using var bob = new TestNode("bob", new EncryptedLayerOptions { RekeyAfterRecords = 1000 });
        var (client, server) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await using var _ = client;
        await using var __ = server;

        var send = PipeData.WriteAsync(client.Transport.Output, PipeData.Random(1024 * 1024), chunk: 10_000);
        var error = await Assert.ThrowsAsync<ProtocolException>(() => PipeData.ReadToEndAsync(server.Transport.Input));

        Assert.Contains("failed authentication", error.Message);
        await send;
    }

    [Fact]
    public async Task Disposing_without_completing_output_is_seen_as_truncation()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");
        var (client, server) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await using var __ = server;

        await PipeData.WriteAsync(client.Transport.Output, PipeData.Random(100_000), chunk: 10_000, complete: false);
        var reading = PipeData.ReadToEndAsync(server.Transport.Input);
        await client.DisposeAsync();

        var error = await Assert.ThrowsAsync<ProtocolException>(() => reading);
        Assert.Contains("truncated", error.Message);
    }
}
