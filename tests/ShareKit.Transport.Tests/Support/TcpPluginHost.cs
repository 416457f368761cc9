using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Transport.Tcp;

namespace ShareKit.Transport.Tests.Support;

/// <summary>Makes the <c>tcp</c> transport through the plugin's own registration, as the host does.</summary>
internal static class TcpPluginHost
{
    public const string SettingsPath = "plugins:ShareKit.Transport.Tcp:settings";

    public static ITransport CreateTransport(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var registry = new CapturingRegistry();
        new TcpTransportPlugin().Register(registry);
        return registry.Transports["tcp"](Context(settings ?? new Dictionary<string, string?>()));
    }

    public static ComponentContext Context(IReadOnlyDictionary<string, string?> settings) => new()
    {
        ComponentName = "tcp",
        Settings = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
        SettingsPath = SettingsPath,
        LoggerFactory = NullLoggerFactory.Instance,
        Node = new NodeIdentity(NodeId.NewRandom(), "test-node"),
        DataDirectory = Path.GetTempPath(),
        Components = new NoComponents(),
    };
}
