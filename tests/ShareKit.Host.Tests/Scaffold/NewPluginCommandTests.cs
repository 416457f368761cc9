using ShareKit.Testing;

namespace ShareKit.Host.Tests.Scaffold;

public sealed class NewPluginCommandTests : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-newplugin-cli-");

    [Fact]
    public async Task An_invalid_name_is_refused_with_exit_code_2_and_the_rule()
    {
        var result = await RunHostAsync("new-plugin", "9-lives", "--kind", "transport", "-o", temp.Combine("out"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'9-lives' is not a valid name", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("dotted C# identifiers", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task An_existing_folder_is_refused_with_exit_code_2_and_left_untouched()
    {
        var existing = temp.WriteFile("out/keep.txt", "mine"u8.ToArray());

        var result = await RunHostAsync("new-plugin", "Acme.Carrier", "--kind", "transport", "-o", temp.Combine("out"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("already exists", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(temp.Combine("out")).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(existing));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_usage_error()
    {
        var result = await RunHostAsync("new-plugin", "Acme.Carrier", "--kind", "printer", "-o", temp.Combine("out"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("printer", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_plugin_lists_its_files_and_the_next_steps()
    {
        var result = await RunHostAsync("new-plugin", "Acme.Carrier", "--kind", "service", "-o", temp.Combine("out"), "--sdk", "package");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Created Acme.Carrier, a service plugin ('carrier') referencing the ShareKit.Sdk package", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(temp.Combine("out", "Acme.Carrier", "CarrierPlugin.cs"), result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sharekit plugins --config", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("out", "Acme.Carrier.Tests", "CarrierServiceTests.cs")));
    }

    public void Dispose() => temp.Dispose();

    private Task<ProcessRunner.Result> RunHostAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [RepoPaths.HostDll, .. arguments], TimeSpan.FromSeconds(60), temp.Path);
}
