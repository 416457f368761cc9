using System.Net.Sockets;
using System.Text.Json;
using ShareKit.Testing;

namespace ShareKit.Host.Tests;

/// <summary>The repository's plugins.json works out of the box (discovery kept on loopback, ports picked free).</summary>
public sealed class DefaultConfigurationTests : IDisposable
{
    private readonly TempDirectory data = new("sharekit-default-");

    private static string DefaultConfig => Path.Combine(RepoPaths.Root, "plugins.json");

    [Fact]
    public async Task Every_plugin_of_the_default_configuration_loads()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, "plugins", "--json", "--config", DefaultConfig], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.All(json.RootElement.EnumerateArray(), p => Assert.True(p.GetProperty("state").GetString() == "loaded", p.ToString()));
    }

    [Fact]
    public async Task Serve_with_the_default_configuration_creates_the_shares_serves_ftp_and_stops_on_sigterm()
    {
        await using var host = HostProcess.Start(
        [
            "serve", "--config", DefaultConfig,
            $"--node:dataDirectory={data.Path}",
            "--node:name=default-test",
            "--endpoint:listen:0=tcp://127.0.0.1:0",
            "--services:ftp:settings:listen=tcp://127.0.0.1:0",
            "--discovery:udp-broadcast:settings:interfaces:0=lo",
            "--discovery:mdns:settings:interfaces:0=lo",
            "--services:http-library:settings:listen=tcp://127.0.0.1:0",
        ]);

        await host.WaitForLineAsync(l => l.Contains("ready"), TimeSpan.FromSeconds(60));
        Assert.True(Directory.Exists(data.Combine("library")));
        Assert.True(Directory.Exists(data.Combine("inbox")));
        var ftpLine = host.StandardError.Single(l => l.Contains("service ftp on ftp://127.0.0.1:"));
        var port = int.Parse(ftpLine[(ftpLine.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", port);
            using var reader = new StreamReader(client.GetStream());
            Assert.StartsWith("220", await reader.ReadLineAsync());
        }

        Assert.Contains(host.StandardError, l => l.Contains("peer endpoint on tcp://127.0.0.1:") && l.Contains("(encrypted)"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        host.Signal(15);
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {clock.Elapsed}");
    }

    public void Dispose() => data.Dispose();
}
