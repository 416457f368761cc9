using ShareKit.Testing;

namespace ShareKit.Host.Tests;

/// <summary>A temporary plugins folder holding the real test plugin builds, a corrupt dll, and a data folder.</summary>
internal sealed class TestPluginFolder : IDisposable
{
    public const string Good = "ShareKit.TestPlugin.Good";
    public const string ThrowsInRegister = "ShareKit.TestPlugin.ThrowsInRegister";
    public const string ThrowsInConstructor = "ShareKit.TestPlugin.ThrowsInConstructor";
    public const string NoEntry = "ShareKit.TestPlugin.NoEntry";
    public const string FutureSdk = "ShareKit.TestPlugin.FutureSdk";
    public const string Corrupt = "ShareKit.TestPlugin.Corrupt";
    public const string Missing = "ShareKit.TestPlugin.Missing";

    private readonly TempDirectory temp = new("sharekit-plugins-");

    public TestPluginFolder()
    {
        var built = Path.Combine(RepoPaths.Root, "artifacts", "test-plugins", RepoPaths.Configuration);
        foreach (var name in new[] { Good, ThrowsInRegister, ThrowsInConstructor, NoEntry, FutureSdk })
        {
            var source = Path.Combine(built, name);
            Assert.True(Directory.Exists(source), $"test plugin {name} was not built at {source}");
            var target = Directory.CreateDirectory(Path.Combine(PluginsDirectory, name)).FullName;
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        var corrupt = Directory.CreateDirectory(Path.Combine(PluginsDirectory, Corrupt)).FullName;
        File.WriteAllBytes(Path.Combine(corrupt, Corrupt + ".dll"), [0x4D, 0x5A, 0xFF, 0x00, 0x13, 0x37, .. new byte[200]]);
        Directory.CreateDirectory(DataDirectory);
    }

    public string PluginsDirectory => temp.Combine("plugins");

    public string DataDirectory => temp.Combine("data");

    /// <summary>Writes a plugins.json listing the given plugins (all enabled) with the given extra sections.</summary>
    public string WriteConfig(IEnumerable<string> plugins, string extraSections = "", string nodeName = "test-node")
    {
        var pluginEntries = string.Join(",\n", plugins.Select(p => $"    \"{p}\": {{ \"enabled\": true }}"));
        var json = $$"""
            {
              "node": { "name": "{{nodeName}}", "dataDirectory": "{{DataDirectory}}" },
              "plugins": {
            {{pluginEntries}},
                "ShareKit.TestPlugin.Switched.Off": { "enabled": false }
              }{{(extraSections.Length > 0 ? "," : string.Empty)}}
              {{extraSections}}
            }
            """;
        var path = temp.Combine("plugins.json");
        File.WriteAllText(path, json);
        return path;
    }

    public string[] HostArguments(string verb, string config, params string[] more) =>
        [verb, "--config", config, "--plugins-dir", PluginsDirectory, .. more];

    public void Dispose() => temp.Dispose();
}
