using ShareKit.Discovery.Tests.Infrastructure;
using ShareKit.Testing;
using ShareKit.Testing.Network;

namespace ShareKit.Discovery.Tests;

/// <summary>`sharekit send NAME file` to a node found only by discovery, on a LAN of network namespaces.</summary>
public sealed class SendByNameAcrossNamespacesTests : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-lan-send-");

    [Theory]
    [InlineData("udp-broadcast", "ShareKit.Discovery.UdpBroadcast")]
    [InlineData("mdns", "ShareKit.Discovery.Mdns")]
    public async Task Send_by_name_reaches_a_serving_node_found_only_by_discovery(string discovery, string plugin)
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (receiverNode, senderNode) = (lab.AddNode("r"), lab.AddNode("s"));
        lab.Connect(receiverNode, lan);
        lab.Connect(senderNode, lan);
        var inbox = temp.Combine("inbox");
        var file = temp.WriteFile("source/report.pdf", System.Text.Encoding.UTF8.GetBytes("found by name over " + discovery));

        var serve = receiverNode.Start(DiscoveryProbe.Dotnet, [RepoPaths.HostDll, "serve", "--config", WriteConfig("receiver-box", discovery, plugin, inbox)]);
        await Eventually.TrueAsync(() => serve.StandardError.Contains("ready", StringComparison.Ordinal) || serve.HasExited, TimeSpan.FromSeconds(60), "serve ready");
        Assert.False(serve.HasExited, serve.StandardError);

        var send = senderNode.Start(DiscoveryProbe.Dotnet,
            [RepoPaths.HostDll, "send", "--config", WriteConfig("sender-box", discovery, plugin, temp.Combine("sender-inbox")), "--find-timeout", "10", "receiver-box", file]);
        var exit = await send.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 0, $"send exited {exit}:\n{send.StandardError}\n--- serve:\n{serve.StandardError}");
        Assert.Equal("found by name over " + discovery, await File.ReadAllTextAsync(Path.Combine(inbox, "report.pdf")));
        Assert.Contains("sending to tcp://198.18.", send.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private string WriteConfig(string name, string discovery, string plugin, string inbox)
    {
        var json = $$"""
            {
              "node": { "name": "{{name}}", "dataDirectory": "{{temp.Combine("data-" + name)}}" },
              "plugins": { "ShareKit.Transport.Tcp": { }, "ShareKit.Storage.Local": { }, "{{plugin}}": { } },
              "endpoint": { "listen": [ "tcp://0.0.0.0:53531" ] },
              "discovery": { "{{discovery}}": { } },
              "shares": { "inbox": { "storage": "local", "access": "receive", "accept": "all", "settings": { "root": "{{inbox}}" } } }
            }
            """;
        return temp.WriteFile(name + ".json", System.Text.Encoding.UTF8.GetBytes(json));
    }
}
