using System.Text.Json;
using ShareKit.Testing;

namespace ShareKit.Host.Tests;

public sealed class PeersTests : IDisposable
{
    private const string Alice = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Bob1 = "b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1";
    private const string Bob2 = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";

    private readonly TestPluginFolder folder = new();

    [Fact]
    public async Task A_node_seen_by_two_discoveries_is_one_row_listing_both()
    {
        var result = await RunPeers("--json", "--wait", "0.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var peers = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, peers.Count);
        var alice = peers.Single(p => p.GetProperty("id").GetString() == Alice);
        Assert.Equal(["static", "static-2"], alice.GetProperty("seenBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["tcp://198.18.0.1:53531", "tcp://[fd00::1]:53531"], alice.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["encrypted", "library", "receive"], alice.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_table_shows_name_address_offers_and_sources()
    {
        var result = await RunPeers("--wait", "0.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("alice", StringComparison.Ordinal) && l.Contains("tcp://198.18.0.1:53531") && l.Contains("static,static-2"));
    }

    [Fact]
    public async Task Serve_announces_the_node_with_capabilities_derived_from_its_shares_and_layers()
    {
        var config = WriteConfig(services: """, "services": { "marker": { } }""");
        await using var host = HostProcess.Start(folder.HostArguments("serve", config));
        await host.WaitForLineAsync(l => l.Contains("ready"), TimeSpan.FromSeconds(60));

        using var announced = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.DataDirectory, "announced-static.json")));
        Assert.Equal("test-node", announced.RootElement.GetProperty("name").GetString());
        Assert.Equal(32, announced.RootElement.GetProperty("id").GetString()!.Length);
        host.Signal(15);
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Peers_without_any_enabled_discovery_is_a_configuration_error()
    {
        var config = folder.WriteConfig([TestPluginFolder.Good]);

        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. folder.HostArguments("peers", config)], TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no discovery mechanism is enabled", result.StandardError);
    }

    public void Dispose() => folder.Dispose();

    private Task<ProcessRunner.Result> RunPeers(params string[] extra) =>
        ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. folder.HostArguments("peers", WriteConfig(), extra)], TimeSpan.FromSeconds(60));

    private string WriteConfig(string services = "") => folder.WriteConfig([TestPluginFolder.Good], $$"""
        "discovery": {
          "static": { "settings": { "peers": [
            { "id": "{{Alice}}", "name": "alice", "endpoint": "tcp://198.18.0.1:53531", "caps": "receive,library" },
            { "id": "{{Bob1}}", "name": "bob", "endpoint": "tcp://198.18.0.2:53531" }
          ] } },
          "static-2": { "settings": { "peers": [
            { "id": "{{Alice}}", "name": "alice", "endpoint": "tcp://[fd00::1]:53531", "caps": "encrypted" },
            { "id": "{{Bob2}}", "name": "bob", "endpoint": "tcp://198.18.0.3:53531" }
          ] } }
        }{{services}}
        """);
}
