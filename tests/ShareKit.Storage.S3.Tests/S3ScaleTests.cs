using Amazon.S3.Model;
using ShareKit.Sdk;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Storage.S3.Tests;

/// <summary>Listings longer than one page, and an object far larger than a part.</summary>
[Collection(RgwCollection.Name)]
public sealed class S3ScaleTests(RgwFixture rgw) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string prefix = RgwFixture.NewPrefix("scale");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => rgw.DeletePrefixAsync(prefix);

    [Fact]
    public async Task A_thousand_keys_are_all_listed_through_many_pages()
    {
        var store = rgw.CreateStore(prefix, ("listPageSize", "37"));
        var folder = StorePath.Parse("many");
        var names = Enumerable.Range(0, 1000).Select(i => $"file-{i:D4}.txt").ToArray();
        // Written with plain PUTs (one request each, not a staged write's five): this test is about the listing.
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
            await rgw.Client.PutObjectAsync(new PutObjectRequest { BucketName = RgwFixture.Bucket, Key = $"{prefix}/many/{name}", ContentBody = "x" }, ct));
        await store.CreateDirectoryAsync(StorePath.Parse("many/sub-a"), Ct);
        await WriteAsync(store, StorePath.Parse("many/sub-b/inner.txt"), [1]);

        // 37 keys per page: 28 listing requests, so a listing that stops after one page (or repeats one) fails here.
        var listed = await ListAsync(store, folder);

        Assert.Equal(names.Append("sub-a").Append("sub-b").Order(StringComparer.Ordinal), listed.Select(e => e.Name));
        Assert.All(listed.Where(e => !e.IsDirectory), e => Assert.Equal(1, e.Length));
        Assert.Equal(2, listed.Count(e => e.IsDirectory));
    }

    [Fact]
    public async Task A_200_MiB_object_is_written_in_parts_and_read_from_an_offset_byte_exact()
    {
        const long length = 200L * 1024 * 1024;
        const long offset = 123_456_789;
        var store = rgw.CreateStore(prefix, ("partSizeMiB", "16"));
        var path = StorePath.Parse("big/video.bin");

        await PatternData.WriteFileAsync(store, path, length);

        var entry = await store.StatAsync(path, Ct);
        Assert.Equal(length, entry!.Length);
        var head = await rgw.Client.GetObjectMetadataAsync(RgwFixture.Bucket, $"{prefix}/big/video.bin");
        Assert.EndsWith("-13\"", head.ETag, StringComparison.Ordinal); // 13 parts of 16 MiB: a multipart object
        await using (var tail = await store.OpenReadAsync(path, offset, Ct))
        {
            await PatternData.VerifyAsync(tail, offset, length);
        }

        await store.DeleteAsync(path, Ct);
        Assert.Null(await store.StatAsync(path, Ct));
        Assert.Empty((await rgw.ContentsAsync(prefix)).Keys);
    }

    [Fact]
    public async Task A_large_file_moves_by_multipart_copy_and_keeps_its_content_and_time()
    {
        const long length = 12L * 1024 * 1024 + 3;
        var store = rgw.CreateStore(prefix, ("partSizeMiB", "5"), ("multipartCopyThresholdMiB", "5"));
        var from = StorePath.Parse("a/original.bin");
        var to = StorePath.Parse("b/moved.bin");
        var when = new DateTimeOffset(2019, 3, 4, 5, 6, 7, TimeSpan.Zero);
        await using (var write = await store.BeginWriteAsync(from, WriteMode.CreateNew, Ct))
        {
            write.LastModified = when;
            await PatternData.WriteAsync(write.Content, 0, length);
            await write.CommitAsync(Ct);
        }

        await store.MoveAsync(from, to, Ct);

        Assert.Null(await store.StatAsync(from, Ct));
        var moved = await store.StatAsync(to, Ct);
        Assert.Equal(length, moved!.Length);
        Assert.Equal(when, moved.LastModified);
        var head = await rgw.Client.GetObjectMetadataAsync(RgwFixture.Bucket, $"{prefix}/b/moved.bin");
        Assert.EndsWith("-3\"", head.ETag, StringComparison.Ordinal); // copied in three 5 MiB ranges
        await using var read = await store.OpenReadAsync(to, 0, Ct);
        await PatternData.VerifyAsync(read, 0, length);
    }

    [Fact]
    public async Task A_time_set_after_parts_were_sent_is_still_applied_at_commit()
    {
        var store = rgw.CreateStore(prefix, ("partSizeMiB", "5"));
        var path = StorePath.Parse("late-time.bin");
        var when = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        await using (var write = await store.BeginWriteAsync(path, WriteMode.Replace, Ct))
        {
            await PatternData.WriteAsync(write.Content, 0, 6L * 1024 * 1024);
            write.LastModified = when;
            await write.CommitAsync(Ct);
        }

        Assert.Equal(when, (await store.StatAsync(path, Ct))!.LastModified);
        var listed = Assert.Single(await ListAsync(store, StorePath.Root));
        Assert.NotEqual(when, listed.LastModified); // a listing shows the upload time: S3 lists no metadata
        var raw = await rgw.Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = RgwFixture.Bucket, Key = $"{prefix}/late-time.bin" });
        Assert.Equal("981173106", raw.Metadata["x-amz-meta-mtime"]);
    }
}
