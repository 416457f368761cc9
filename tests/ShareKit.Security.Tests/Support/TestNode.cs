using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted;
using ShareKit.Testing;

namespace ShareKit.Security.Tests.Support;

/// <summary>A node for layer tests: its own data directory, identity and known peers.</summary>
public sealed class TestNode : IDisposable
{
    private readonly TempDirectory directory = new("sharekit-security-");

    public TestNode(string name, EncryptedLayerOptions? options = null, NodeId? id = null)
    {
        Self = new NodeIdentity(id ?? NodeId.NewRandom(), name);
        Layer = new EncryptedLayer(directory.Path, Self, options ?? new EncryptedLayerOptions(), NullLogger.Instance);
    }

    public NodeIdentity Self { get; }

    public EncryptedLayer Layer { get; }

    public string DataDirectory => directory.Path;

    public void Dispose() => directory.Dispose();
}
