using System.Text.Json;
using ShareKit.Testing;

namespace ShareKit.Host.Tests;

public sealed class PluginLoadingTests : IDisposable
{
    private static readonly string[] AllPlugins =
    [
        TestPluginFolder.Good,
        TestPluginFolder.ThrowsInRegister,
        TestPluginFolder.ThrowsInConstructor,
        TestPluginFolder.NoEntry,
        TestPluginFolder.FutureSdk,
        TestPluginFolder.Corrupt,
        TestPluginFolder.Missing,
    ];

    private readonly TestPluginFolder folder = new();

    [Fact]
    public async Task Plugins_verb_lists_every_plugin_with_its_state_and_reason()
    {
        var config = folder.WriteConfig(AllPlugins);

        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. folder.HostArguments("plugins", config, "--json")], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var byName = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(AllPlugins.Length + 1, byName.Count);

        AssertState(byName, TestPluginFolder.Good, "loaded", null);
        Assert.Equal("1.2.3", byName[TestPluginFolder.Good].GetProperty("version").GetString());
        Assert.Equal(["service marker", "discovery static", "discovery static-2"], byName[TestPluginFolder.Good].GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        AssertState(byName, TestPluginFolder.ThrowsInRegister, "failed", "the database of unicorns is missing");
        Assert.Empty(byName[TestPluginFolder.ThrowsInRegister].GetProperty("components").EnumerateArray());
        AssertState(byName, TestPluginFolder.ThrowsInConstructor, "failed", "constructor refused to run");
        AssertState(byName, TestPluginFolder.NoEntry, "failed", "no public class implementing IShareKitPlugin");
        AssertState(byName, TestPluginFolder.FutureSdk, "incompatible", "targets SDK 2.0.0");
        AssertState(byName, TestPluginFolder.Corrupt, "failed", "not a valid .NET assembly");
        AssertState(byName, TestPluginFolder.Missing, "failed", "does not exist");
        AssertState(byName, "ShareKit.TestPlugin.Switched.Off", "disabled", "disabled");
    }

    [Fact]
    public async Task Plugins_table_is_readable_and_warnings_name_each_broken_plugin()
    {
        var config = folder.WriteConfig(AllPlugins);

        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. folder.HostArguments("plugins", config)], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(TestPluginFolder.Good, StringComparison.Ordinal) && l.Contains("loaded") && l.Contains("service marker"));
        Assert.Contains($"Plugin {TestPluginFolder.Corrupt} was not loaded", result.StandardError);
    }

    [Fact]
    public async Task Serve_runs_the_good_plugins_service_beside_broken_plugins_and_stops_cleanly_on_sigterm()
    {
        var config = folder.WriteConfig(AllPlugins, """
            "services": { "marker": { "settings": { "text": "hello" } } }
            """);
        await using var host = HostProcess.Start(folder.HostArguments("serve", config));

        await host.WaitForLineAsync(l => l.Contains("ready"), TimeSpan.FromSeconds(60));
        Assert.Equal("hello|test-node|", File.ReadAllText(Path.Combine(folder.DataDirectory, "marker-started")));
        Assert.Contains(host.StandardError, l => l.Contains("service marker on marker://nowhere"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        host.Signal(15);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {clock.Elapsed}");
        Assert.Equal(0, exitCode);
        Assert.Equal("stopped", File.ReadAllText(Path.Combine(folder.DataDirectory, "marker-stopped")));
    }

    [Fact]
    public async Task Serve_exits_with_code_2_naming_the_service_that_needs_a_plugin_that_failed()
    {
        var config = folder.WriteConfig(AllPlugins, """
            "services": { "half-registered": { } }
            """);

        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. folder.HostArguments("serve", config)], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("The service 'half-registered' needs the service 'half-registered', but no loaded plugin provides it", result.StandardError);
        Assert.Contains("the database of unicorns is missing", result.StandardError);
    }

    [Fact]
    public async Task Serve_exits_with_code_2_naming_the_share_whose_storage_no_plugin_provides()
    {
        var config = folder.WriteConfig([TestPluginFolder.Good], """
            "shares": { "books": { "storage": "local", "access": "public-read" } }
            """);

        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. folder.HostArguments("serve", config)], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("The share 'books' needs the storage 'local'", result.StandardError);
    }

    public void Dispose() => folder.Dispose();

    private static void AssertState(Dictionary<string, JsonElement> byName, string name, string state, string? reasonPart)
    {
        var entry = byName[name];
        Assert.Equal(state, entry.GetProperty("state").GetString());
        if (reasonPart is not null)
        {
            Assert.Contains(reasonPart, entry.GetProperty("reason").GetString());
        }
    }
}
