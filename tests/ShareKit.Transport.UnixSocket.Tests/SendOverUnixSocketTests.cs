using System.Security.Cryptography;
using ShareKit.Testing;

namespace ShareKit.Transport.UnixSocket.Tests;

/// <summary>The real host end to end: <c>sharekit serve</c> listening on a socket file, <c>sharekit send</c> to it.</summary>
public sealed class SendOverUnixSocketTests
{
    private static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("")]
    [InlineData("encrypted")]
    public async Task Sharekit_send_delivers_a_file_through_the_unix_transport(string layer)
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var socket = folder.Combine("node.sock");
        var layers = layer.Length == 0 ? "[]" : $"[ \"{layer}\" ]";
        var layerPlugin = layer.Length == 0 ? string.Empty : """, "ShareKit.Security.Encrypted": { "enabled": true }""";
        var receiverConfig = folder.WriteFile("receiver.json", System.Text.Encoding.UTF8.GetBytes($$"""
            {
              "node": { "name": "receiver", "dataDirectory": "{{folder.Combine("receiver")}}" },
              "plugins": { "ShareKit.Storage.Local": { "enabled": true }, "ShareKit.Transport.UnixSocket": { "enabled": true }{{layerPlugin}} },
              "endpoint": { "listen": [ "unix://{{socket}}" ], "layers": {{layers}} },
              "shares": { "inbox": { "storage": "local", "access": "receive", "accept": "all", "settings": { "root": "inbox" } } }
            }
            """));
        var senderConfig = folder.WriteFile("sender.json", System.Text.Encoding.UTF8.GetBytes($$"""
            {
              "node": { "name": "sender", "dataDirectory": "{{folder.Combine("sender")}}" },
              "plugins": { "ShareKit.Transport.UnixSocket": { "enabled": true }{{layerPlugin}} },
              "endpoint": { "listen": [], "layers": {{layers}} }
            }
            """));
        var film = folder.WriteFile("film.bin", RandomNumberGenerator.GetBytes(8 << 20));

        await using var receiver = HostProcess.Start(["serve", "--config", receiverConfig, "--plugins-dir", RepoPaths.PluginsDirectory]);
        await receiver.WaitForLineAsync(l => l.Contains("ready", StringComparison.Ordinal), HostTimeout);
        var sent = await ProcessRunner.RunAsync(
            "dotnet", [RepoPaths.HostDll, "send", "--config", senderConfig, "--plugins-dir", RepoPaths.PluginsDirectory, $"unix://{socket}", film], HostTimeout);

        Assert.True(sent.ExitCode == 0, sent + "\n" + receiver.AllOutput);
        Assert.Contains($"sending to unix://{socket} ({(layer.Length == 0 ? "plain" : layer)})", sent.StandardError, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(film), await File.ReadAllBytesAsync(folder.Combine("receiver", "inbox", "film.bin")));

        receiver.Signal(15);
        Assert.Equal(0, await receiver.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(File.Exists(socket), "the listener should remove its socket file when the node stops");
    }
}
