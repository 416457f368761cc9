using ShareKit.Testing;

namespace ShareKit.Host.Tests.Cli;

/// <summary>A sender and a receiver configuration (TCP + local store, no layers) in one temp folder.</summary>
internal sealed class TransferCliFixture : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-cli-");

    public TransferCliFixture()
    {
        Directory.CreateDirectory(Source);
        Directory.CreateDirectory(Inbox);
        SenderConfig = WriteConfig("sender");
        ReceiverConfig = WriteConfig("receiver");
    }

    public string Source => temp.Combine("source");

    public string Inbox => temp.Combine("inbox");

    public string SenderConfig { get; }

    public string ReceiverConfig { get; }

    public string Staging => Path.Combine(Inbox, ".sharekit-staging");

    /// <summary>Starts <c>sharekit receive</c> into <see cref="Inbox"/> and returns it with the address it printed.</summary>
    public async Task<(HostProcess Receiver, string Address)> StartReceiverAsync(params string[] extra)
    {
        var receiver = HostProcess.Start(["receive", "--config", ReceiverConfig, "-o", Inbox, "--listen", "tcp://127.0.0.1:0", .. extra]);
        var address = await receiver.WaitForLineAsync(l => l.StartsWith("tcp://", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return (receiver, address.Trim());
    }

    public HostProcess StartSender(string address, params string[] paths) =>
        HostProcess.Start(["send", "--config", SenderConfig, address, .. paths]);

    public void Dispose() => temp.Dispose();

    private string WriteConfig(string name)
    {
        var data = temp.Combine("data-" + name);
        var json = $$"""
            {
              "node": { "name": "{{name}}", "dataDirectory": "{{data}}" },
              "plugins": { "ShareKit.Transport.Tcp": { }, "ShareKit.Storage.Local": { } }
            }
            """;
        return temp.WriteFile(name + ".json", System.Text.Encoding.UTF8.GetBytes(json));
    }
}
