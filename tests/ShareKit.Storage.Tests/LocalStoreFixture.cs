using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Storage.Local;
using ShareKit.Testing;

namespace ShareKit.Storage.Tests;

/// <summary>A local store over a fresh temporary folder, made the way the host makes it (through the plugin).</summary>
public sealed class LocalStoreFixture : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-store-");

    public string DataDirectory => temp.Path;

    /// <summary>The share folder's full path for a <c>root</c> setting of <paramref name="root"/>.</summary>
    public string RootOf(string root = "share") => Path.Combine(temp.Path, root);

    public IFileStore Create(string root = "share", bool readOnly = false, string share = "test")
    {
        var settings = new Dictionary<string, string?> { ["root"] = root };
        if (readOnly)
        {
            settings["readOnly"] = "true";
        }

        return Create(share, settings);
    }

    public IFileStore Create(string share, Dictionary<string, string?> settings)
    {
        var registry = new CapturingRegistry();
        new LocalStoragePlugin().Register(registry);
        var context = new ComponentContext
        {
            ComponentName = share,
            Settings = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            SettingsPath = $"shares:{share}:settings",
            LoggerFactory = NullLoggerFactory.Instance,
            Node = new NodeIdentity(NodeId.NewRandom(), "test-node"),
            DataDirectory = temp.Path,
            Components = null!,
        };
        return registry.Storage["local"](context);
    }

    public void Dispose() => temp.Dispose();
}
