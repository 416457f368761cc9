using ShareKit.Sdk;

namespace ShareKit.TestPlugin.ThrowsInConstructor;

/// <summary>Throws before the host can even ask for its info.</summary>
public sealed class ConstructorThrowingPlugin : IShareKitPlugin
{
    public ConstructorThrowingPlugin() => throw new InvalidOperationException("constructor refused to run");

    public PluginInfo Info => throw new NotSupportedException();

    public void Register(IPluginRegistry registry) => throw new NotSupportedException();
}
