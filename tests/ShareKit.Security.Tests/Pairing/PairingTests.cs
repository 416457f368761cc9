using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Security.Encrypted.Pairing;
using ShareKit.Security.Encrypted.Trust;
using ShareKit.Security.Tests.Support;

namespace ShareKit.Security.Tests.Pairing;

public sealed class PairingTests
{
    [Fact]
    public async Task The_same_code_on_both_sides_connects_and_pins_without_trust_on_first_use()
    {
        var pinnedOnly = new EncryptedLayerOptions { Trust = TrustMode.PinnedOnly };
        using var alice = new TestNode("alice", pinnedOnly);
        using var bob = new TestNode("bob", pinnedOnly);
        var code = PairingCode.Generate();

        var (client, server) = await Handshakes.ConnectAsync(alice.Layer.WithPairingCode(code), bob.Layer.WithPairingCode(code.ToUpperInvariant().Replace('-', ' ')));
        await using var _ = client;
        await using var __ = server;

        Assert.Equal(TrustDecision.Paired, ((IAuthenticatedPeerInfo)client).TrustDecision);
        Assert.Equal(TrustDecision.Paired, ((IAuthenticatedPeerInfo)server).TrustDecision);
        Assert.Equal(bob.Layer.Identity.Fingerprint, client.Peer!.Fingerprint);
        Assert.True(alice.Layer.KnownPeers.IsPinned(bob.Self.Id, bob.Layer.Identity.PublicKey.Span));
        Assert.True(bob.Layer.KnownPeers.IsPinned(alice.Self.Id, alice.Layer.Identity.PublicKey.Span));
    }

    [Fact]
    public async Task A_wrong_code_fails_both_sides_with_code_did_not_match()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");

        var (client, server) = await Handshakes.TryConnectAsync(alice.Layer.WithPairingCode("417-maple-orbit"), bob.Layer.WithPairingCode("417-maple-orchid"));

        Assert.Contains("code did not match", (await Assert.ThrowsAsync<TrustException>(() => client)).Message);
        Assert.Contains("code did not match", (await Assert.ThrowsAsync<TrustException>(() => server)).Message);
        Assert.Empty(alice.Layer.KnownPeers.Pinned);
        Assert.Empty(bob.Layer.KnownPeers.Pinned);
    }

    [Fact]
    public async Task A_relay_without_the_code_fails_against_both_sides()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");
        using var mallory = new TestNode("mallory");
        const string code = "83-velvet-harbor";

        // Mallory sits between them and has to guess: she pairs with each side on her own.
        var (towardsAlice, malloryFront) = await Handshakes.TryConnectAsync(alice.Layer.WithPairingCode(code), mallory.Layer.WithPairingCode("83-velvet-harvest"));
        var (malloryBack, atBob) = await Handshakes.TryConnectAsync(mallory.Layer.WithPairingCode("84-velvet-harbor"), bob.Layer.WithPairingCode(code));

        Assert.Contains("code did not match", (await Assert.ThrowsAsync<TrustException>(() => towardsAlice)).Message);
        Assert.Contains("code did not match", (await Assert.ThrowsAsync<TrustException>(() => atBob)).Message);
        await Assert.ThrowsAsync<TrustException>(() => malloryFront);
        await Assert.ThrowsAsync<TrustException>(() => malloryBack);
        Assert.Empty(alice.Layer.KnownPeers.Pinned);
        Assert.Empty(bob.Layer.KnownPeers.Pinned);
    }

    [Fact]
    public async Task Pairing_replaces_a_stale_pin_because_the_code_proves_the_peer()
    {
        using var alice = new TestNode("alice");
        using var oldBob = new TestNode("bob");
        using var newBob = new TestNode("bob", id: oldBob.Self.Id);
        var (first, firstServer) = await Handshakes.ConnectAsync(alice.Layer, oldBob.Layer);
        await first.DisposeAsync();
        await firstServer.DisposeAsync();

        var (client, server) = await Handshakes.ConnectAsync(alice.Layer.WithPairingCode("5-tiger-lotus"), newBob.Layer.WithPairingCode("5-tiger-lotus"));
        await using var _ = client;
        await using var __ = server;

        Assert.True(alice.Layer.KnownPeers.IsPinned(oldBob.Self.Id, newBob.Layer.Identity.PublicKey.Span));
    }

    [Fact]
    public void Generated_codes_are_a_number_and_two_words_and_differ()
    {
        var codes = Enumerable.Range(0, 20).Select(_ => PairingCode.Generate()).ToList();

        Assert.All(codes, c => Assert.Matches("^[1-9][0-9]{0,2}-[a-z]+-[a-z]+$", c));
        Assert.True(codes.Distinct().Count() > 15);
        Assert.Equal("417-maple-orbit", PairingCode.Normalize("  417 Maple-ORBIT "));
    }
}
