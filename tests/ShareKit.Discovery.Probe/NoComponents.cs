using ShareKit.Sdk;

namespace ShareKit.Discovery.Probe;

/// <summary>A node with no shares, transports or layers: discovery needs none.</summary>
internal sealed class NoComponents : IComponentResolver
{
    public IReadOnlyList<IShare> Shares => [];

    public IShare GetShare(string name) => throw new ConfigurationException("shares", $"the probe has no share '{name}'");

    public ITransport GetTransport(string scheme) => throw new ConfigurationException("plugins", $"the probe has no transport '{scheme}'");

    public IConnectionLayer GetLayer(string name) => throw new ConfigurationException("plugins", $"the probe has no layer '{name}'");
}
