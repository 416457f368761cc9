using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

/// <summary>The node's components as the FTP service sees them in tests: just shares.</summary>
internal sealed class TestComponents(IReadOnlyList<IShare> shares) : IComponentResolver
{
    public IReadOnlyList<IShare> Shares => shares;

    public IShare GetShare(string name) =>
        shares.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ConfigurationException($"shares:{name}", "no such share");

    public ITransport GetTransport(string scheme) => throw new ConfigurationException("plugins", "no transports in this test");

    public IConnectionLayer GetLayer(string name) => throw new ConfigurationException("plugins", "no layers in this test");
}
