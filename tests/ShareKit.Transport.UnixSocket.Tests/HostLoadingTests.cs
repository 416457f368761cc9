using System.Text.Json;
using ShareKit.Testing;

namespace ShareKit.Transport.UnixSocket.Tests;

public sealed class HostLoadingTests
{
    [Fact]
    public async Task The_host_loads_the_plugin_from_its_plugins_folder_with_the_unix_transport()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var config = folder.Combine("plugins.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "node": { "name": "unix-test", "dataDirectory": "{{folder.Combine("data")}}" },
              "plugins": { "ShareKit.Transport.UnixSocket": { "enabled": true, "settings": { "mode": "0660" } } },
              "endpoint": { "listen": [ "unix://{{folder.Combine("node.sock")}}" ] }
            }
            """);

        var result = await ProcessRunner.RunAsync(
            "dotnet", [RepoPaths.HostDll, "plugins", "--config", config, "--plugins-dir", RepoPaths.PluginsDirectory, "--json"], UnixSocketFixture.Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var plugin = Assert.Single(json.RootElement.EnumerateArray());
        Assert.True(plugin.GetProperty("state").GetString() == "loaded", result.ToString());
        Assert.Equal(["transport unix"], plugin.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.False(File.Exists(Path.Combine(RepoPaths.PluginsDirectory, "ShareKit.Transport.UnixSocket", "ShareKit.Sdk.dll")), "the SDK must not be shipped with the plugin");
    }
}
