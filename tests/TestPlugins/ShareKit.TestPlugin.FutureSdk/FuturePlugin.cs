using ShareKit.Sdk;

namespace ShareKit.TestPlugin.FutureSdk;

/// <summary>Claims the next major SDK version, as a plugin built against a future SDK would.</summary>
public sealed class FuturePlugin : IShareKitPlugin
{
    public PluginInfo Info { get; } = new("ShareKit.TestPlugin.FutureSdk", new Version(9, 0), "Built for the future.", new Version(SdkInfo.Version.Major + 1, 0, 0));

    public void Register(IPluginRegistry registry) => registry.AddService("future", _ => throw new NotSupportedException());
}
