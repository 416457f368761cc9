using ShareKit.Sdk;

namespace ShareKit.TestPlugin.ThrowsInRegister;

/// <summary>Registers one component, then throws: the host must keep none of it.</summary>
public sealed class ThrowingPlugin : IShareKitPlugin
{
    public PluginInfo Info { get; } = new("ShareKit.TestPlugin.ThrowsInRegister", new Version(0, 1), "Throws in Register.", SdkInfo.Version);

    public void Register(IPluginRegistry registry)
    {
        registry.AddService("half-registered", _ => throw new InvalidOperationException("never created"));
        throw new InvalidOperationException("the database of unicorns is missing");
    }
}
