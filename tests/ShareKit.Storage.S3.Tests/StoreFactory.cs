using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3.Tests;

/// <summary>Makes S3 stores the way the host does: through the plugin's registered factory, from settings.</summary>
internal static class StoreFactory
{
    public static IFileStore Create(Dictionary<string, string?> settings, string share = "test")
    {
        var registry = new CapturingRegistry();
        new S3StoragePlugin().Register(registry);
        var context = new ComponentContext
        {
            ComponentName = share,
            Settings = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            SettingsPath = $"shares:{share}:settings",
            LoggerFactory = NullLoggerFactory.Instance,
            Node = new NodeIdentity(NodeId.NewRandom(), "test-node"),
            DataDirectory = Path.GetTempPath(),
            Components = null!,
        };
        return registry.Storage[S3StoragePlugin.Kind](context);
    }
}
