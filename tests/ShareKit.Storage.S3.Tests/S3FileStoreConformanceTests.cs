using ShareKit.Conformance.Storage;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3.Tests;

/// <summary>The S3 store against the store conformance kit, each test under a fresh key prefix of a real Ceph RGW.</summary>
[Collection(RgwCollection.Name)]
public sealed class S3FileStoreConformanceTests(RgwFixture rgw) : FileStoreConformanceTests, IAsyncLifetime
{
    private readonly string prefix = RgwFixture.NewPrefix("conformance");

    protected override IFileStore CreateStore() => rgw.CreateStore(prefix);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => rgw.DeletePrefixAsync(prefix);
}
