using ShareKit.Host.Configuration;
using ShareKit.Host.Node;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Host.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private const string ValidJson = """
        {
          "node": { "name": "from-file", "dataDirectory": "data" },
          "plugins": { "ShareKit.Storage.Local": { "enabled": true, "settings": { "x": "1" } } },
          "endpoint": { "listen": [ "tcp://0.0.0.0:53531", "tcp://[::]:53531" ], "layers": [ "encrypted" ] },
          "shares": {
            "inbox": { "storage": "local", "access": "receive", "accept": "known-peers", "onConflict": "refuse", "settings": { "root": "inbox" } }
          },
          "services": { "ftp": { "enabled": false } }
        }
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public void A_valid_file_is_read_into_typed_settings_with_paths_relative_to_the_file()
    {
        var settings = Read(ValidJson);

        Assert.Equal("from-file", settings.Node.Name);
        Assert.Equal(temp.Combine("data"), settings.Node.DataDirectory);
        Assert.Equal(["tcp://0.0.0.0:53531", "tcp://[::]:53531"], settings.Endpoint.Listen.Select(e => e.ToString()));
        Assert.Equal(["encrypted"], settings.Endpoint.Layers);
        var inbox = Assert.Single(settings.Shares);
        Assert.Equal((ShareAccess.Receive, AcceptRule.KnownPeers, ConflictRule.Refuse), (inbox.Access, inbox.Accept, inbox.OnConflict));
        Assert.Equal("shares:inbox:settings", inbox.SettingsPath);
        Assert.Equal("inbox", inbox.Settings["root"]);
        Assert.False(Assert.Single(settings.Services).Enabled);
        Assert.Equal("1", Assert.Single(settings.Plugins).Settings["x"]);
    }

    [Fact]
    public void Command_line_overrides_win_over_the_file()
    {
        var settings = Read(ValidJson, "--node:name=from-args", "--shares:inbox:access=private");

        Assert.Equal("from-args", settings.Node.Name);
        Assert.Equal(ShareAccess.Private, settings.Shares[0].Access);
    }

    [Theory]
    [InlineData("--shares:inbox:access=bogus", "shares:inbox:access", "allowed: public-read, receive, private")]
    [InlineData("--shares:inbox:accept=sometimes", "shares:inbox:accept", "allowed: ask, known-peers, all")]
    [InlineData("--shares:inbox:onConflict=overwrite", "shares:inbox:onConflict", "allowed: rename, refuse")]
    [InlineData("--plugins:ShareKit.Storage.Local:enabled=maybe", "plugins:ShareKit.Storage.Local:enabled", "allowed: true, false")]
    [InlineData("--endpoint:listen:1=tcp://nohost", "endpoint:listen:1", "needs a host and a port")]
    [InlineData("--endpoint:listen:0=tcp://0.0.0.0:99999", "endpoint:listen:0", "is not a port")]
    [InlineData("--nodes:name=typo", "nodes", "is not a known setting")]
    [InlineData("--shares:inbox:acess=receive", "shares:inbox:acess", "is not a known setting")]
    [InlineData("--shares:new:access=receive", "shares:new:storage", "is missing")]
    [InlineData("--node:name=\u0007bell", "node:name", "is not a display name")]
    public void Each_invalid_value_is_refused_naming_its_json_path(string argument, string path, string reason)
    {
        var error = Assert.ThrowsAny<ConfigurationException>(() => Read(ValidJson, argument));

        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith(path + ":", error.Message);
    }

    [Fact]
    public void Invalid_json_is_refused_naming_the_file()
    {
        var file = temp.WriteFile("plugins.json", "{ \"node\": { \"name\": "u8.ToArray());

        var error = Assert.ThrowsAny<ConfigurationException>(() => ConfigurationSources.Build(file, []));

        Assert.Equal(file, error.Path);
        Assert.Contains("is not valid JSON", error.Message);
    }

    [Fact]
    public void A_missing_explicit_config_file_is_refused()
    {
        var error = Assert.ThrowsAny<ConfigurationException>(() => ConfigurationSources.ResolveFile(temp.Combine("nope.json")));

        Assert.Equal("--config", error.Path);
    }

    [Fact]
    public void Overrides_are_split_from_verb_arguments()
    {
        var (verb, overrides) = ConfigurationSources.SplitOverrides(["serve", "--config", "x.json", "--node:name=a", "--json", "--shares:inbox:access=receive"]);

        Assert.Equal(["serve", "--config", "x.json", "--json"], verb);
        Assert.Equal(["--node:name=a", "--shares:inbox:access=receive"], overrides);
    }

    [Fact]
    public async Task File_then_environment_then_arguments_take_precedence_in_a_real_host()
    {
        using var folder = new TestPluginFolder();
        var config = folder.WriteConfig([TestPluginFolder.Good], """
            "services": { "marker": { "settings": { "text": "file" } } }
            """, nodeName: "name-from-file");
        var marker = Path.Combine(folder.DataDirectory, "marker-started");

        async Task<string> Serve(Dictionary<string, string> environment, params string[] extra)
        {
            File.Delete(marker);
            await using var host = HostProcess.Start(folder.HostArguments("serve", config, extra), environment);
            await host.WaitForLineAsync(l => l.Contains("ready"), TimeSpan.FromSeconds(60));
            host.Signal(15);
            Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(10)));
            return File.ReadAllText(marker);
        }

        var env = new Dictionary<string, string> { ["SHAREKIT__NODE__NAME"] = "name-from-env", ["SHAREKIT__SERVICES__MARKER__SETTINGS__TEXT"] = "env" };
        Assert.Equal("file|name-from-file|", await Serve([]));
        Assert.Equal("env|name-from-env|", await Serve(env));
        Assert.Equal("args|name-from-args|", await Serve(env, "--node:name=name-from-args", "--services:marker:settings:text=args"));
    }

    public void Dispose() => temp.Dispose();

    private HostSettings Read(string json, params string[] overrides)
    {
        var file = temp.WriteFile("plugins.json", System.Text.Encoding.UTF8.GetBytes(json));
        return SettingsReader.Read(ConfigurationSources.Build(file, overrides), file);
    }
}
