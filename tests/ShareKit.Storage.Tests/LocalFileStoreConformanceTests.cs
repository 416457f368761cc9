using ShareKit.Conformance.Storage;
using ShareKit.Sdk;

namespace ShareKit.Storage.Tests;

/// <summary>The local store against the store conformance kit.</summary>
public sealed class LocalFileStoreConformanceTests : FileStoreConformanceTests, IDisposable
{
    private readonly LocalStoreFixture fixture = new();

    protected override IFileStore CreateStore() => fixture.Create();

    public void Dispose() => fixture.Dispose();
}
