using ShareKit.Sdk;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Storage.S3.Tests;

/// <summary>
/// The object store stops answering (radosgw frozen with SIGSTOP) in the middle of a read or a write: a clear
/// StorageException after the store's timeout, and nothing published. Runs in the shared RGW's collection, so no
/// other test sends requests while radosgw is frozen.
/// </summary>
[Collection(RgwCollection.Name)]
public sealed class S3OutageTests(RgwFixture rgw) : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string prefix = RgwFixture.NewPrefix("outage");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        rgw.Rgw.Resume();
        await rgw.DeletePrefixAsync(prefix);
    }

    [Fact]
    public async Task A_store_that_stops_answering_mid_read_fails_the_read_with_a_storage_error()
    {
        const long length = 48 * MiB;
        var store = rgw.CreateStore(prefix, ("timeoutSeconds", "2"), ("retries", "0"));
        var path = StorePath.Parse("stream.bin");
        await PatternData.WriteFileAsync(store, path, length);

        await using var read = await store.OpenReadAsync(path, 1000, Ct);
        var buffer = new byte[64 * 1024];
        await read.ReadExactlyAsync(buffer);
        rgw.Rgw.Pause();
        StorageException failed;
        try
        {
            failed = await Assert.ThrowsAsync<StorageException>(async () =>
            {
                for (var i = 0; i < length / buffer.Length + 1; i++)
                {
                    if (await read.ReadAsync(buffer) == 0)
                    {
                        break;
                    }
                }
            });
        }
        finally
        {
            rgw.Rgw.Resume();
        }

        Assert.Contains("/stream.bin", failed.Message, StringComparison.Ordinal);
        Assert.Contains("object store", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_stops_answering_mid_write_fails_the_write_and_publishes_nothing()
    {
        var store = rgw.CreateStore(prefix, ("timeoutSeconds", "2"), ("retries", "0"), ("partSizeMiB", "5"));
        var path = StorePath.Parse("upload.bin");
        var write = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        await PatternData.WriteAsync(write.Content, 0, 6 * MiB);
        rgw.Rgw.Pause();
        try
        {
            var failed = await Assert.ThrowsAnyAsync<StorageException>(async () =>
            {
                await PatternData.WriteAsync(write.Content, 6 * MiB, 11 * MiB);
                await write.CommitAsync(Ct);
            });
            Assert.Contains("/upload.bin", failed.Message, StringComparison.Ordinal);
            await Assert.ThrowsAnyAsync<StorageException>(async () => await write.CommitAsync(Ct));
            await write.DisposeAsync();
        }
        finally
        {
            rgw.Rgw.Resume();
        }

        Assert.Null(await store.StatAsync(path, Ct));
        Assert.Empty(await TreeAsync(store, StorePath.Root));
        var (keys, _) = await rgw.ContentsAsync(prefix);
        Assert.DoesNotContain($"{prefix}/upload.bin", keys);
    }
}
