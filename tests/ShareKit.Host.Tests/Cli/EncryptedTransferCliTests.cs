using System.Text.Json;
using ShareKit.Testing;

namespace ShareKit.Host.Tests.Cli;

/// <summary>send/receive over the encrypted layer: trust on first use, pairing codes, identity and trust verbs.</summary>
public sealed class EncryptedTransferCliTests : IDisposable
{
    private readonly TransferCliFixture fixture = new(encrypted: true);

    [Fact]
    public async Task An_encrypted_transfer_pins_the_sender_which_trust_then_lists_with_its_fingerprint()
    {
        await File.WriteAllTextAsync(fixture.Source + "/note.txt", "secret");
        var (receiver, address) = await fixture.StartReceiverAsync("--yes");
        await using var _ = receiver;
        await using var sender = fixture.StartSender(address, fixture.Source + "/note.txt");

        Assert.True(await sender.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, sender.AllOutput);
        Assert.True(await receiver.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, receiver.AllOutput);
        Assert.Equal("secret", await File.ReadAllTextAsync(fixture.Inbox + "/note.txt"));
        Assert.Contains(receiver.StandardError, l => l.Contains("(encrypted)"));

        var identity = await Host("identity", fixture.SenderConfig, "--json");
        using var senderIdentity = JsonDocument.Parse(identity.StandardOutput);
        var trust = await Host("trust", fixture.ReceiverConfig, "--json");
        using var known = JsonDocument.Parse(trust.StandardOutput);
        var pinned = Assert.Single(known.RootElement.EnumerateArray());
        Assert.Equal("sender", pinned.GetProperty("name").GetString());
        Assert.Equal("pinned", pinned.GetProperty("state").GetString());
        Assert.Equal(senderIdentity.RootElement.GetProperty("fingerprint").GetString(), pinned.GetProperty("fingerprint").GetString());

        var forget = await Host("trust", fixture.ReceiverConfig, "--forget", pinned.GetProperty("nodeId").GetString()!);
        Assert.True(forget.ExitCode == 0, forget.ToString());
        Assert.Contains("No known peers yet", (await Host("trust", fixture.ReceiverConfig)).StandardOutput);
    }

    [Fact]
    public async Task A_pairing_code_typed_into_receive_lets_it_accept_without_asking()
    {
        await File.WriteAllTextAsync(fixture.Source + "/paired.txt", "paired");
        var port = FreePort();
        await using var sender = HostProcess.Start(["send", "--config", fixture.SenderConfig, "--code", $"tcp://127.0.0.1:{port}", fixture.Source + "/paired.txt"]);
        var code = await ReadCodeAsync(sender);

        var (receiver, _) = await fixture.StartReceiverOnAsync(port, "--code", code);
        await using var _ = receiver;

        Assert.True(await sender.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, sender.AllOutput);
        Assert.True(await receiver.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, receiver.AllOutput);
        Assert.Equal("paired", await File.ReadAllTextAsync(fixture.Inbox + "/paired.txt"));
    }

    [Fact]
    public async Task A_wrong_pairing_code_fails_both_sides_and_nothing_arrives()
    {
        await File.WriteAllTextAsync(fixture.Source + "/paired.txt", "paired");
        var port = FreePort();
        await using var sender = HostProcess.Start(["send", "--config", fixture.SenderConfig, "--code", $"tcp://127.0.0.1:{port}", fixture.Source + "/paired.txt"]);
        var code = await ReadCodeAsync(sender);
        var wrong = code.StartsWith("999-", StringComparison.Ordinal) ? "998-maple-orbit" : "999-maple-orbit";

        var (receiver, _) = await fixture.StartReceiverOnAsync(port, "--code", wrong);
        await using var _ = receiver;

        Assert.Equal(1, await sender.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        Assert.Contains(sender.StandardError, l => l.Contains("did not match"));
        Assert.Contains(receiver.StandardError, l => l.Contains("did not match"));
        Assert.False(File.Exists(fixture.Inbox + "/paired.txt"));
    }

    private static async Task<string> ReadCodeAsync(HostProcess sender)
    {
        var line = await sender.WaitForLineAsync(l => l.StartsWith("Pairing code: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return line["Pairing code: ".Length..].Trim();
    }

    public void Dispose() => fixture.Dispose();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<ProcessRunner.Result> Host(string verb, string config, params string[] extra) =>
        ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, verb, "--config", config, .. extra], TimeSpan.FromSeconds(60));
}
