using System.Text.Json;
using ShareKit.Testing;

namespace ShareKit.Host.Tests.Scaffold;

/// <summary>
/// End to end, as a plugin author would: <c>sharekit new-plugin</c> into a temp folder, <c>dotnet test</c> the
/// generated test project (which builds the plugin; for a transport it runs the conformance kit), then the real
/// host loads the built plugin. One build per kind, one kind after the other (the cases of a theory run in sequence).
/// </summary>
public sealed class GeneratedPluginTests : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    // MSBuild nodes left running by a child build would outlive the test and hold on to memory.
    private static readonly Dictionary<string, string> BuildEnvironment = new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    private readonly TempDirectory temp = new("sharekit-newplugin-");

    [Theory]
    [InlineData("transport", "Acme.Transport.Carrier", "transport carrier")]
    [InlineData("storage", "Acme.Storage.Shelf", "storage shelf")]
    [InlineData("layer", "Acme.Layer.Wrapper", "layer wrapper")]
    [InlineData("discovery", "Acme.Discovery.Roster", "discovery roster")]
    [InlineData("service", "Acme.Service.Greeter", "service greeter")]
    public async Task A_generated_plugin_builds_passes_its_tests_and_loads_in_the_host(string kind, string name, string component)
    {
        var root = temp.Combine("work");
        var generated = await RunHostAsync(["new-plugin", name, "--kind", kind, "-o", root, "--sdk", "project"]);
        Assert.True(generated.ExitCode == 0, generated.ToString());

        var tests = Path.Combine(root, name + ".Tests", name + ".Tests.csproj");
        var test = await ProcessRunner.RunAsync(
            "dotnet", ["test", tests, "-nodeReuse:false"], BuildTimeout, temp.Path, BuildEnvironment);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]", test.StandardOutput);
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "plugins", name, name + ".dll")), "the plugin should build into artifacts/plugins/<Name>/");
        Assert.False(File.Exists(Path.Combine(root, "artifacts", "plugins", name, "ShareKit.Sdk.dll")), "the SDK must not be shipped with the plugin");

        var listed = await RunHostAsync(["plugins", "--config", Path.Combine(root, "plugins.json"), "--plugins-dir", Path.Combine(root, "artifacts", "plugins"), "--json"]);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        using var json = JsonDocument.Parse(listed.StandardOutput);
        var plugin = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(name, plugin.GetProperty("name").GetString());
        Assert.True(plugin.GetProperty("state").GetString() == "loaded", listed.ToString());
        Assert.Equal([component], plugin.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
    }

    public void Dispose() => temp.Dispose();

    private Task<ProcessRunner.Result> RunHostAsync(string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. arguments], TimeSpan.FromSeconds(60), temp.Path);
}
