using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Host.Configuration;
using ShareKit.Host.Plugins;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Host.Tests.Library;

/// <summary>The real local store plugin, loaded from the built plugins folder the way <c>sharekit serve</c> loads it.</summary>
internal static class LocalStorePlugin
{
    public const string Name = "ShareKit.Storage.Local";

    private static readonly Lazy<ComponentRegistry> LazyRegistry = new(Load);

    public static ComponentRegistry Registry => LazyRegistry.Value;

    /// <summary>A local store over <paramref name="root"/> (an absolute folder), as the share <paramref name="share"/>.</summary>
    public static IFileStore Open(string root, string share = "library")
    {
        Assert.True(Registry.TryGet(ComponentKind.Storage, "local", out var registration), "the local store plugin registers no 'local' storage");
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"shares:{share}:settings:root"] = root })
            .Build()
            .GetSection($"shares:{share}:settings");
        return (IFileStore)registration.Create(new ComponentContext
        {
            ComponentName = share,
            Settings = settings,
            SettingsPath = settings.Path,
            LoggerFactory = NullLoggerFactory.Instance,
            Node = new NodeIdentity(NodeId.NewRandom(), "test"),
            DataDirectory = Path.GetTempPath(),
            Components = null!,
        });
    }

    private static ComponentRegistry Load()
    {
        var empty = new ConfigurationBuilder().Build().GetSection($"plugins:{Name}:settings");
        var (statuses, registry) = new PluginLoading(RepoPaths.PluginsDirectory, NullLogger.Instance)
            .LoadAll([new PluginSettings(Name, true, empty, empty.Path)]);
        var status = Assert.Single(statuses);
        Assert.True(status.State == PluginState.Loaded, $"{Name}: {status.State} {status.Reason}");
        return registry;
    }
}
