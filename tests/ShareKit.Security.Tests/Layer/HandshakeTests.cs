using System.Buffers.Binary;
using System.Net.Sockets;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Security.Encrypted.Trust;
using ShareKit.Security.Tests.Support;

namespace ShareKit.Security.Tests.Layer;

public sealed class HandshakeTests
{
    [Fact]
    public async Task Both_sides_learn_each_others_key_node_id_and_name()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");

        var (client, server) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await using var _ = client;
        await using var __ = server;

        Assert.Equal(bob.Layer.Identity.Fingerprint, client.Peer!.Fingerprint);
        Assert.Equal(alice.Layer.Identity.Fingerprint, server.Peer!.Fingerprint);
        Assert.True(client.Peer.PublicKey.Span.SequenceEqual(bob.Layer.Identity.PublicKey.Span));
        var aboutBob = Assert.IsAssignableFrom<IAuthenticatedPeerInfo>(client);
        var aboutAlice = Assert.IsAssignableFrom<IAuthenticatedPeerInfo>(server);
        Assert.Equal(bob.Self.Id, aboutBob.PeerNodeId);
        Assert.Equal("bob", aboutBob.PeerName);
        Assert.Equal(alice.Self.Id, aboutAlice.PeerNodeId);
        Assert.Equal("alice", aboutAlice.PeerName);
    }

    [Fact]
    public async Task First_contact_pins_the_peer_and_the_second_contact_knows_it()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");

        var (first, firstServer) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        var firstDecision = ((IAuthenticatedPeerInfo)first).TrustDecision;
        await first.DisposeAsync();
        await firstServer.DisposeAsync();
        var (second, secondServer) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await using var _ = second;
        await using var __ = secondServer;

        Assert.Equal(TrustDecision.NewlyPinned, firstDecision);
        Assert.Equal(TrustDecision.Known, ((IAuthenticatedPeerInfo)second).TrustDecision);
        Assert.Equal(TrustDecision.Known, ((IAuthenticatedPeerInfo)secondServer).TrustDecision);
        Assert.True(alice.Layer.KnownPeers.IsPinned(bob.Self.Id, bob.Layer.Identity.PublicKey.Span));
        Assert.True(bob.Layer.KnownPeers.IsPinned(alice.Self.Id, alice.Layer.Identity.PublicKey.Span));
    }

    [Fact]
    public async Task A_peer_that_sends_nothing_times_out_with_a_clear_error_and_the_socket_is_closed()
    {
        using var bob = new TestNode("bob", new EncryptedLayerOptions { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });
        var (client, server) = await Loopback.ConnectionPairAsync();
        await using var _ = client;

        var error = await Assert.ThrowsAsync<TransportException>(
            async () => await bob.Layer.ApplyAsync(server, ConnectionRole.Responder, CancellationToken.None));

        Assert.Equal(TransportFailure.TimedOut, error.Reason);
        Assert.Contains("did not finish within", error.Message);
        Assert.True(server.IsDisposed);
    }

    [Fact]
    public async Task An_http_request_instead_of_a_handshake_is_refused_as_another_protocol()
    {
        using var bob = new TestNode("bob");
        var (client, server) = await Loopback.SocketPairAsync();
        using var _ = client;
        await client.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<ProtocolException>(
            async () => await bob.Layer.ApplyAsync(new SocketConnection(server), ConnectionRole.Responder, CancellationToken.None));

        Assert.Contains("not a ShareKit encrypted handshake", error.Message);
    }

    [Fact]
    public async Task Random_bytes_shaped_like_handshake_frames_fail_authentication()
    {
        using var bob = new TestNode("bob");
        var (client, server) = await Loopback.SocketPairAsync();
        using var _ = client;
        var frames = new byte[2 + 32 + 2 + 100];
        Random.Shared.NextBytes(frames);
        BinaryPrimitives.WriteUInt16BigEndian(frames, 32);
        BinaryPrimitives.WriteUInt16BigEndian(frames.AsSpan(34), 100);
        await client.SendAsync(frames);

        var error = await Assert.ThrowsAsync<ProtocolException>(
            async () => await bob.Layer.ApplyAsync(new SocketConnection(server), ConnectionRole.Responder, CancellationToken.None));

        Assert.Contains("did not authenticate", error.Message);
    }

    [Fact]
    public async Task A_low_order_ephemeral_key_is_refused()
    {
        using var bob = new TestNode("bob");
        var (client, server) = await Loopback.SocketPairAsync();
        using var _ = client;
        var frame = new byte[2 + 32];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 32);
        await client.SendAsync(frame);

        var error = await Assert.ThrowsAsync<ProtocolException>(
            async () => await bob.Layer.ApplyAsync(new SocketConnection(server), ConnectionRole.Responder, CancellationToken.None));

        Assert.Contains("invalid public key", error.Message);
    }

    [Fact]
    public async Task A_connection_closed_mid_handshake_is_reported()
    {
        using var bob = new TestNode("bob");
        var (client, server) = await Loopback.SocketPairAsync();
        await client.SendAsync(new byte[] { 0, 32, 1, 2, 3 });
        client.Shutdown(SocketShutdown.Send);

        var error = await Assert.ThrowsAsync<ProtocolException>(
            async () => await bob.Layer.ApplyAsync(new SocketConnection(server), ConnectionRole.Responder, CancellationToken.None));

        Assert.Contains("closed the connection in the middle of the encrypted handshake", error.Message);
        client.Dispose();
    }
}
