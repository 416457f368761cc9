using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Storage.Local;
using ShareKit.Transport.Tcp;

namespace ShareKit.Bench.Peer;

/// <summary>The tcp transport and a local store, made through the plugins' registrations as the host does.</summary>
internal static class BenchPlugins
{
    public static ITransport Tcp()
    {
        var registry = new Registry();
        new TcpTransportPlugin().Register(registry);
        return registry.Transport!(Context("tcp", new Dictionary<string, string?>()));
    }

    public static IFileStore LocalStore(string root)
    {
        var registry = new Registry();
        new LocalStoragePlugin().Register(registry);
        return registry.Store!(Context("inbox", new Dictionary<string, string?> { ["root"] = Path.GetFullPath(root) }));
    }

    private static ComponentContext Context(string name, Dictionary<string, string?> settings) => new()
    {
        ComponentName = name,
        Settings = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
        SettingsPath = name,
        LoggerFactory = NullLoggerFactory.Instance,
        Node = new NodeIdentity(NodeId.NewRandom(), "bench"),
        DataDirectory = Path.GetTempPath(),
        Components = null!,
    };

    private sealed class Registry : IPluginRegistry
    {
        public Func<ComponentContext, ITransport>? Transport { get; private set; }

        public Func<ComponentContext, IFileStore>? Store { get; private set; }

        public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => Transport = create;

        public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => Store = create;

        public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create)
        {
        }

        public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create)
        {
        }

        public void AddService(string name, Func<ComponentContext, IShareService> create)
        {
        }
    }
}
