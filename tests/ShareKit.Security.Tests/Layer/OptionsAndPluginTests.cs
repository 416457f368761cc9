using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Security.Encrypted.Trust;
using ShareKit.Testing;

namespace ShareKit.Security.Tests.Layer;

public sealed class OptionsAndPluginTests
{
    private const string SettingsPath = "plugins:ShareKit.Security.Encrypted:settings";

    [Fact]
    public void Settings_are_read_and_defaults_fill_the_rest()
    {
        var options = EncryptedLayerOptions.FromSettings(Settings(("handshakeTimeoutSeconds", "2.5"), ("trust", "pinned-only")), SettingsPath);

        Assert.Equal(TimeSpan.FromSeconds(2.5), options.HandshakeTimeout);
        Assert.Equal(TrustMode.PinnedOnly, options.Trust);
        Assert.Equal(1L << 20, options.RekeyAfterRecords);
    }

    [Theory]
    [InlineData("handshakeTimeoutSeconds", "0")]
    [InlineData("handshakeTimeoutSeconds", "soon")]
    [InlineData("trust", "everyone")]
    [InlineData("rekeyAfterRecords", "-1")]
    public void An_invalid_setting_names_its_path(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => EncryptedLayerOptions.FromSettings(Settings((key, value)), SettingsPath));

        Assert.Equal($"{SettingsPath}:{key}", error.Path);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void The_plugin_registers_the_encrypted_layer_and_its_factory_creates_the_identity()
    {
        using var directory = new TempDirectory();
        var registry = new RecordingRegistry();
        var plugin = new EncryptedPlugin();

        plugin.Register(registry);
        var layer = registry.Layers["encrypted"](new ComponentContext
        {
            ComponentName = "encrypted",
            Settings = Settings(),
            SettingsPath = SettingsPath,
            LoggerFactory = NullLoggerFactory.Instance,
            Node = new NodeIdentity(NodeId.NewRandom(), "n"),
            DataDirectory = directory.Path,
            Components = null!,
        });

        Assert.Equal("ShareKit.Security.Encrypted", plugin.Info.Name);
        Assert.Equal(SdkInfo.Version, plugin.Info.SdkVersion);
        Assert.IsType<EncryptedLayer>(layer);
        Assert.True(File.Exists(Path.Combine(directory.Path, "identity", "x25519.key")));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class RecordingRegistry : IPluginRegistry
    {
        public Dictionary<string, Func<ComponentContext, IConnectionLayer>> Layers { get; } = [];

        public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => throw new InvalidOperationException();

        public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) => Layers.Add(name, create);

        public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) => throw new InvalidOperationException();

        public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => throw new InvalidOperationException();

        public void AddService(string name, Func<ComponentContext, IShareService> create) => throw new InvalidOperationException();
    }
}
