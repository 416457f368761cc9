using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Handshake;
using ShareKit.Security.Encrypted.Identity;
using ShareKit.Security.Encrypted.Trust;
using ShareKit.Security.Tests.Support;
using ShareKit.Testing;

namespace ShareKit.Security.Tests.Pairing;

public sealed class PairingRelayTests
{
    [Fact]
    public async Task A_relay_that_passes_the_pake_through_cannot_complete_either_noise_handshake()
    {
        using var alice = new TestNode("alice");
        using var bob = new TestNode("bob");
        using var malloryDirectory = new TempDirectory();
        const string code = "12-coral-piano";
        using var bobListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        bobListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        bobListener.Listen(1);
        using var malloryListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        malloryListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        malloryListener.Listen(1);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var aliceSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await aliceSocket.ConnectAsync(malloryListener.LocalEndPoint!);
        var malloryFront = await malloryListener.AcceptAsync();
        var malloryBack = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await malloryBack.ConnectAsync(bobListener.LocalEndPoint!);
        var bobSocket = await bobListener.AcceptAsync();

        var atAlice = alice.Layer.WithPairingCode(code).ApplyAsync(new SocketConnection(aliceSocket), ConnectionRole.Initiator, cts.Token).AsTask();
        var atBob = bob.Layer.WithPairingCode(code).ApplyAsync(new SocketConnection(bobSocket), ConnectionRole.Responder, cts.Token).AsTask();

        // Mallory passes the three J-PAKE rounds through untouched, so both sides' PAKE succeeds...
        await using (var front = new NetworkStream(malloryFront, ownsSocket: false))
        await using (var back = new NetworkStream(malloryBack, ownsSocket: false))
        {
            for (var round = 0; round < 3; round++)
            {
                await Task.WhenAll(CopyFrameAsync(front, back), CopyFrameAsync(back, front));
            }
        }

        // ...then runs Noise with each side herself; she cannot know the pre-shared key, so she uses her own.
        var identity = IdentityStore.LoadOrCreate(malloryDirectory.Path);
        var peers = new KnownPeers(malloryDirectory.Path);
        var guess = RandomNumberGenerator.GetBytes(32);
        var asBob = NoiseHandshake.RunAsync(
            new SocketConnection(malloryFront).Transport, ConnectionRole.Responder, identity, bob.Self, peers, TrustMode.Tofu, guess, cts.Token).AsTask();
        var asAlice = NoiseHandshake.RunAsync(
            new SocketConnection(malloryBack).Transport, ConnectionRole.Initiator, identity, alice.Self, peers, TrustMode.Tofu, guess, cts.Token).AsTask();

        await Assert.ThrowsAsync<ProtocolException>(() => asBob);
        malloryFront.Dispose();
        await Assert.ThrowsAsync<ProtocolException>(() => asAlice);
        malloryBack.Dispose();
        Assert.Contains("pairing code", (await Assert.ThrowsAsync<ProtocolException>(() => atAlice)).Message);
        Assert.Contains("did not authenticate", (await Assert.ThrowsAsync<ProtocolException>(() => atBob)).Message);
        Assert.Empty(alice.Layer.KnownPeers.Pinned);
        Assert.Empty(bob.Layer.KnownPeers.Pinned);
    }

    private static async Task CopyFrameAsync(NetworkStream from, NetworkStream to)
    {
        var header = new byte[2];
        await from.ReadExactlyAsync(header);
        var body = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        await from.ReadExactlyAsync(body);
        await to.WriteAsync(header);
        await to.WriteAsync(body);
    }
}
