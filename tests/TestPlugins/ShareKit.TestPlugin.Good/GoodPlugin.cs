using ShareKit.Sdk;

namespace ShareKit.TestPlugin.Good;

/// <summary>A well-behaved plugin: registers a service that proves it ran by writing marker files.</summary>
public sealed class GoodPlugin : IShareKitPlugin
{
    public PluginInfo Info { get; } = new("ShareKit.TestPlugin.Good", new Version(1, 2, 3), "Writes marker files when started and stopped.", SdkInfo.Version);

    public void Register(IPluginRegistry registry)
    {
        registry.AddService("marker", context => new MarkerService(context));
        registry.AddDiscovery("static", context => new StaticDiscovery(context));
        registry.AddDiscovery("static-2", context => new StaticDiscovery(context));
    }
}
