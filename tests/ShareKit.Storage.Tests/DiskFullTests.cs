using ShareKit.Sdk;
using ShareKit.Testing;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Storage.Tests;

/// <summary>
/// A share on a full file system: a 4 MiB tmpfs the test mounts itself (it needs root; tests/run.sh runs as root).
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly LocalStoreFixture fixture = new();
    private string mountPoint = string.Empty;
    private bool mounted;

    public async Task InitializeAsync()
    {
        if (!ExternalTool.IsRoot)
        {
            throw new Xunit.Sdk.XunitException(
                "The disk-full tests mount a small tmpfs and need root" + (ExternalTool.IsCi ? " (CI must run the tests as root)." : "; run them as root (tests/run.sh does)."));
        }

        var mount = ExternalTool.Require("mount", "mount");
        mountPoint = Path.Combine(fixture.DataDirectory, "small");
        Directory.CreateDirectory(mountPoint);
        var result = await ProcessRunner.RunAsync(mount, ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint], TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, $"mounting a tmpfs failed: {result}");
        mounted = true;
    }

    public async Task DisposeAsync()
    {
        if (mounted)
        {
            var result = await ProcessRunner.RunAsync(ExternalTool.Require("umount", "mount"), [mountPoint], TimeSpan.FromSeconds(20));
            Assert.True(result.ExitCode == 0, $"unmounting {mountPoint} failed: {result}");
        }

        fixture.Dispose();
    }

    [Fact]
    public async Task Writing_past_the_end_of_the_disk_is_storage_full_and_keeps_committed_files()
    {
        var store = fixture.Create(root: mountPoint, share: "inbox");
        var kept = StorePath.Parse("kept.bin");
        var keptContent = Bytes(1024 * 1024, seed: 1);
        await WriteAsync(store, kept, keptContent, WriteMode.CreateNew);

        var big = StorePath.Parse("big.bin");
        var write = await store.BeginWriteAsync(big, WriteMode.CreateNew, Ct);
        var chunk = Bytes(256 * 1024, seed: 2);
        var full = await Assert.ThrowsAsync<StorageFullException>(async () =>
        {
            for (var i = 0; i < 32; i++)
            {
                await write.Content.WriteAsync(chunk);
            }

            await write.CommitAsync(Ct);
        });
        await write.DisposeAsync();

        Assert.StartsWith("The share 'inbox' is full: ", full.Message, StringComparison.Ordinal);
        Assert.Contains("/big.bin", full.Message, StringComparison.Ordinal);
        Assert.Equal(keptContent, await ReadAsync(store, kept));
        Assert.Null(await store.StatAsync(big, Ct));
        Assert.Empty(Directory.GetFiles(Path.Combine(mountPoint, ".sharekit-staging"), "*.part"));

        // The staged data was given back: the share takes new files again.
        await WriteAsync(store, StorePath.Parse("small.bin"), Bytes(512 * 1024, seed: 3), WriteMode.CreateNew);
    }

    [Fact]
    public async Task Replacing_a_file_on_a_full_disk_leaves_the_old_file_whole()
    {
        var store = fixture.Create(root: mountPoint, share: "inbox");
        var path = StorePath.Parse("doc.bin");
        var original = Bytes(1536 * 1024, seed: 4);
        await WriteAsync(store, path, original, WriteMode.CreateNew);

        await Assert.ThrowsAsync<StorageFullException>(async () => await WriteAsync(store, path, Bytes(3 * 1024 * 1024, seed: 5), WriteMode.Replace));
        Assert.Equal(original, await ReadAsync(store, path));

        await Assert.ThrowsAsync<StorageFullException>(async () =>
        {
            await using var append = await store.BeginWriteAsync(path, WriteMode.Append, Ct);
            await append.Content.WriteAsync(Bytes(2 * 1024 * 1024, seed: 6));
            await append.CommitAsync(Ct);
        });
        Assert.Equal(original, await ReadAsync(store, path));
        Assert.Equal(["doc.bin"], await TreeAsync(store, StorePath.Root));
    }
}
