using ShareKit.Sdk;

namespace ShareKit.Transport.Tests.Support;

/// <summary>A node with nothing else configured: a transport needs no other component.</summary>
internal sealed class NoComponents : IComponentResolver
{
    public IReadOnlyList<IShare> Shares => [];

    public IShare GetShare(string name) => throw new ConfigurationException($"shares:{name}", "no such share in this test.");

    public ITransport GetTransport(string scheme) => throw new ConfigurationException("plugins", $"no transport '{scheme}' in this test.");

    public IConnectionLayer GetLayer(string name) => throw new ConfigurationException("endpoint:layers", $"no layer '{name}' in this test.");
}
