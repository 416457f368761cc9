using Amazon.S3.Model;
using ShareKit.Sdk;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Storage.S3.Tests;

/// <summary>Staged writes that outlive their writer: abandoned, picked up by another store instance, or discarded.</summary>
[Collection(RgwCollection.Name)]
public sealed class S3ResumeTests(RgwFixture rgw) : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string prefix = RgwFixture.NewPrefix("resume");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => rgw.DeletePrefixAsync(prefix);

    [Fact]
    public async Task An_abandoned_write_shows_nothing_and_a_new_store_instance_resumes_and_completes_it()
    {
        const long total = 17 * MiB + 99;
        const long abandonedAt = 12 * MiB + 7;
        var path = StorePath.Parse("incoming/movie.mkv");
        var first = rgw.CreateStore(prefix, ("partSizeMiB", "5"));
        var write = await first.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        await PatternData.WriteAsync(write.Content, 0, abandonedAt);
        await write.DisposeAsync();

        Assert.Null(await first.StatAsync(path, Ct));
        Assert.Empty(await TreeAsync(first, StorePath.Root));
        var (_, uploads) = await rgw.ContentsAsync(prefix);
        Assert.Equal($"{prefix}/incoming/movie.mkv", Assert.Single(uploads).Key);

        // A new store instance stands for a new process: nothing of the first writer is in memory any more.
        var second = rgw.CreateStore(prefix, ("partSizeMiB", "5"));
        await using (var resumed = await second.BeginWriteAsync(path, WriteMode.CreateNew, Ct))
        {
            Assert.Equal(abandonedAt, resumed.ResumeOffset);
            await PatternData.WriteAsync(resumed.Content, abandonedAt, total);
            await resumed.CommitAsync(Ct);
        }

        Assert.Equal(total, (await second.StatAsync(path, Ct))!.Length);
        await using (var read = await second.OpenReadAsync(path, 0, Ct))
        {
            await PatternData.VerifyAsync(read, 0, total);
        }

        var (keys, left) = await rgw.ContentsAsync(prefix);
        Assert.Empty(left);
        Assert.Equal([$"{prefix}/incoming/movie.mkv"], keys); // the staged tail is gone too
    }

    [Fact]
    public async Task Parts_left_by_a_killed_writer_are_found_by_listing_the_uploads()
    {
        // A killed writer leaves its upload and parts and nothing else: make exactly that with the plain SDK.
        var key = $"{prefix}/killed.bin";
        var upload = await rgw.Client.InitiateMultipartUploadAsync(RgwFixture.Bucket, key);
        for (var part = 1; part <= 2; part++)
        {
            var data = new byte[5 * MiB];
            PatternData.Fill(data, (part - 1) * 5 * MiB);
            await rgw.Client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = RgwFixture.Bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartNumber = part,
                InputStream = new MemoryStream(data),
            });
        }

        var store = rgw.CreateStore(prefix, ("partSizeMiB", "5"));
        var path = StorePath.Parse("killed.bin");
        Assert.Null(await store.StatAsync(path, Ct));
        await using (var resumed = await store.BeginWriteAsync(path, WriteMode.Replace, Ct))
        {
            Assert.Equal(10 * MiB, resumed.ResumeOffset);
            await PatternData.WriteAsync(resumed.Content, 10 * MiB, 11 * MiB);
            await resumed.CommitAsync(Ct);
        }

        await using var read = await store.OpenReadAsync(path, 0, Ct);
        await PatternData.VerifyAsync(read, 0, 11 * MiB);
    }

    [Fact]
    public async Task Discard_aborts_the_upload_and_removes_the_staged_tail()
    {
        var store = rgw.CreateStore(prefix, ("partSizeMiB", "5"));
        var path = StorePath.Parse("dropped.bin");
        var write = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        await PatternData.WriteAsync(write.Content, 0, 6 * MiB);
        await write.DisposeAsync();
        Assert.NotEmpty((await rgw.ContentsAsync(prefix)).Uploads);

        await using (var again = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct))
        {
            Assert.Equal(6 * MiB, again.ResumeOffset);
            await again.DiscardAsync(Ct);
        }

        var (keys, uploads) = await rgw.ContentsAsync(prefix);
        Assert.Empty(keys);
        Assert.Empty(uploads);
        await using var fresh = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        Assert.Equal(0, fresh.ResumeOffset);
        await fresh.DiscardAsync(Ct);
    }

    [Fact]
    public async Task A_second_store_on_the_same_bucket_cannot_write_a_key_a_live_writer_holds()
    {
        var one = rgw.CreateStore(prefix);
        var two = rgw.CreateStore(prefix);
        var path = StorePath.Parse("shared.txt");
        await using var holder = await one.BeginWriteAsync(path, WriteMode.Replace, Ct);
        var refused = await Assert.ThrowsAsync<StoreConflictException>(async () => await two.BeginWriteAsync(path, WriteMode.Replace, Ct));
        Assert.Contains("being written", refused.Message, StringComparison.Ordinal);
        await holder.DiscardAsync(Ct);
        await using var next = await two.BeginWriteAsync(path, WriteMode.Replace, Ct);
        await next.DiscardAsync(Ct);
    }
}
