using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Storage.Local;
using ShareKit.Transport.Tcp;

namespace ShareKit.Node.Tests.Support;

/// <summary>Makes the tcp transport and a local store through the plugins' own registrations.</summary>
internal static class Plugins
{
    public static ITransport Tcp()
    {
        var registry = new CapturingRegistry();
        new TcpTransportPlugin().Register(registry);
        return registry.Transports["tcp"](Context("tcp", "plugins:ShareKit.Transport.Tcp:settings", new Dictionary<string, string?>(), Path.GetTempPath()));
    }

    public static IFileStore LocalStore(string root)
    {
        var registry = new CapturingRegistry();
        new LocalStoragePlugin().Register(registry);
        return registry.Stores["local"](Context("inbox", "shares:inbox:settings", new Dictionary<string, string?> { ["root"] = root }, Path.GetDirectoryName(root)!));
    }

    private static ComponentContext Context(string name, string path, Dictionary<string, string?> settings, string dataDirectory) => new()
    {
        ComponentName = name,
        Settings = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
        SettingsPath = path,
        LoggerFactory = NullLoggerFactory.Instance,
        Node = new NodeIdentity(NodeId.NewRandom(), "test-node"),
        DataDirectory = dataDirectory,
        Components = new NoComponents(),
    };

    private sealed class NoComponents : IComponentResolver
    {
        public IReadOnlyList<IShare> Shares => [];

        public IShare GetShare(string name) => throw new ConfigurationException($"shares:{name}", "no such share in this test.");

        public ITransport GetTransport(string scheme) => throw new ConfigurationException("plugins", $"no transport '{scheme}' in this test.");

        public IConnectionLayer GetLayer(string name) => throw new ConfigurationException("endpoint:layers", $"no layer '{name}' in this test.");
    }
}
