using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Security.Encrypted.Trust;
using ShareKit.Security.Tests.Support;

namespace ShareKit.Security.Tests.Trust;

public sealed class MitmTests
{
    [Fact]
    public async Task A_relay_running_its_own_handshakes_is_refused_by_both_pinned_peers()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");
        var (first, firstServer) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await first.DisposeAsync();
        await firstServer.DisposeAsync();

        // Mallory relays: she answers alice claiming to be bob, and calls bob claiming to be alice.
        using var malloryAsBob = new TestNode("bob", id: bob.Self.Id);
        using var malloryAsAlice = new TestNode("alice", id: alice.Self.Id);
        var (towardsAlice, malloryFront) = await Handshakes.TryConnectAsync(alice.Layer, malloryAsBob.Layer);
        var (malloryBack, atBob) = await Handshakes.TryConnectAsync(malloryAsAlice.Layer, bob.Layer);

        var aliceRefuses = await Assert.ThrowsAsync<PeerKeyChangedException>(() => towardsAlice);
        Assert.Contains(bob.Layer.Identity.Fingerprint, aliceRefuses.Message);
        Assert.Contains(malloryAsBob.Layer.Identity.Fingerprint, aliceRefuses.Message);
        Assert.Contains($"sharekit trust {malloryAsBob.Layer.Identity.Fingerprint}", aliceRefuses.Message);
        Assert.Contains($"sharekit trust --forget {bob.Self.Id}", aliceRefuses.Message);
        await Assert.ThrowsAnyAsync<ShareKitException>(() => malloryFront);

        await Assert.ThrowsAsync<PeerKeyChangedException>(() => atBob);
        var malloryLearns = await Assert.ThrowsAsync<TrustException>(() => malloryBack);
        Assert.Contains("refused this node", malloryLearns.Message);

        Assert.True(alice.Layer.KnownPeers.IsPinned(bob.Self.Id, bob.Layer.Identity.PublicKey.Span));
    }

    [Fact]
    public async Task A_refused_key_can_be_accepted_deliberately_by_its_fingerprint()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");
        using var newBob = new TestNode("bob", id: bob.Self.Id);
        var (first, firstServer) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await first.DisposeAsync();
        await firstServer.DisposeAsync();
        var (refused, _) = await Handshakes.TryConnectAsync(alice.Layer, newBob.Layer);
        await Assert.ThrowsAsync<PeerKeyChangedException>(() => refused);

        Assert.True(alice.Layer.KnownPeers.Accept(newBob.Layer.Identity.Fingerprint.ToLowerInvariant()));
        var (client, server) = await Handshakes.TryConnectAsync(alice.Layer, newBob.Layer);

        // bob's side still has alice pinned with the same key, so both ends agree now.
        await using var accepted = await client;
        await using var __ = await server;
        Assert.Equal(TrustDecision.Known, ((IAuthenticatedPeerInfo)accepted).TrustDecision);
    }

    [Fact]
    public async Task Pinned_only_refuses_a_stranger_on_both_sides_with_the_reason()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob", new EncryptedLayerOptions { Trust = TrustMode.PinnedOnly });

        var (client, server) = await Handshakes.TryConnectAsync(alice.Layer, bob.Layer);

        var atBob = await Assert.ThrowsAsync<PeerNotTrustedException>(() => server);
        Assert.Contains(alice.Layer.Identity.Fingerprint, atBob.Message);
        Assert.Contains("pinned-only", atBob.Message);
        var atAlice = await Assert.ThrowsAsync<TrustException>(() => client);
        Assert.Contains("accepts only peers it already knows", atAlice.Message);
    }

    [Fact]
    public async Task Pinned_only_accepts_a_peer_pinned_beforehand()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob", new EncryptedLayerOptions { Trust = TrustMode.PinnedOnly });
        bob.Layer.KnownPeers.Pin(alice.Self.Id, "alice", alice.Layer.Identity.PublicKey.Span);

        var (client, server) = await Handshakes.ConnectAsync(alice.Layer, bob.Layer);
        await using var _ = client;
        await using var __ = server;

        Assert.Equal(TrustDecision.Known, ((IAuthenticatedPeerInfo)server).TrustDecision);
    }
}
