using System.Diagnostics;
using ShareKit.Sdk;
using ShareKit.Testing;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Storage.Tests;

/// <summary>Where and how the local store stages writes, and how writers exclude each other.</summary>
public sealed class StagingTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly LocalStoreFixture fixture = new();
    private readonly IFileStore store;
    private readonly string staging;

    public StagingTests()
    {
        store = fixture.Create();
        staging = Path.Combine(fixture.RootOf(), ".sharekit-staging");
    }

    public void Dispose() => fixture.Dispose();

    [Theory]
    [InlineData(".sharekit-staging/x")]
    [InlineData(".SHAREKIT-STAGING/x")]
    [InlineData(".sharekit-staging")]
    public async Task The_staging_folder_cannot_be_named(string text)
    {
        var path = StorePath.Parse(text);
        var refused = await Assert.ThrowsAsync<StorageException>(async () => await store.BeginWriteAsync(path, WriteMode.Replace, Ct));
        Assert.Contains("reserved", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StorageException>(async () => await store.CreateDirectoryAsync(path, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.DeleteAsync(path, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(path, 0, Ct));
        Assert.Null(await store.StatAsync(path, Ct));
    }

    [Fact]
    public async Task Abandoned_write_is_staged_with_a_note_naming_its_target()
    {
        await WriteAsync(store, StorePath.Parse("done.txt"), Bytes(5));
        await store.CreateDirectoryAsync(StorePath.Parse("a"), Ct);
        await using (var write = await store.BeginWriteAsync(StorePath.Parse("a/b.txt"), WriteMode.CreateNew, Ct))
        {
            await write.Content.WriteAsync(Bytes(1234));
        }

        var parts = Directory.GetFiles(staging, "*.part");
        var part = Assert.Single(parts);
        Assert.Equal(1234, new FileInfo(part).Length);
        Assert.Equal("a/b.txt", File.ReadAllText(Path.ChangeExtension(part, ".target")));
        Assert.Empty(Directory.GetFiles(staging, "*.lock"));
        Assert.Equal(["a/", "done.txt"], await TreeAsync(store, StorePath.Root));
    }

    [Fact]
    public async Task Commit_leaves_no_staging_behind_and_creates_missing_folders()
    {
        var when = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        await using (var write = await store.BeginWriteAsync(StorePath.Parse("new/folder/f.bin"), WriteMode.CreateNew, Ct))
        {
            write.LastModified = when;
            await write.Content.WriteAsync(Bytes(100));
            await write.CommitAsync(Ct);
        }

        var onDisk = new FileInfo(Path.Combine(fixture.RootOf(), "new", "folder", "f.bin"));
        Assert.Equal(100, onDisk.Length);
        Assert.Equal(when.UtcDateTime, onDisk.LastWriteTimeUtc);
        Assert.Empty(Directory.GetFiles(staging));
    }

    [Fact]
    public async Task Writer_lock_is_a_real_flock_seen_by_other_handles()
    {
        var path = StorePath.Parse("locked.bin");
        await using (var write = await store.BeginWriteAsync(path, WriteMode.Replace, Ct))
        {
            var lockFile = Assert.Single(Directory.GetFiles(staging, "*.lock"));
            Assert.ThrowsAny<IOException>(() => new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None));
            await write.DiscardAsync(Ct);
        }

        // Another handle holding the lock (what a second process does) keeps this store's writers out.
        await using (var first = await store.BeginWriteAsync(path, WriteMode.Replace, Ct))
        {
            await first.DisposeAsync();
        }

        Directory.CreateDirectory(staging);
        var held = Path.Combine(staging, Path.GetFileNameWithoutExtension(Directory.GetFiles(staging, "*.part").Single()) + ".lock");
        using (new FileStream(held, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            await Assert.ThrowsAsync<StoreConflictException>(async () => await store.BeginWriteAsync(path, WriteMode.Replace, Ct));
        }

        await using var after = await store.BeginWriteAsync(path, WriteMode.Replace, Ct);
        await after.DiscardAsync(Ct);
    }

    [Fact]
    public async Task Two_stores_over_one_folder_exclude_each_other()
    {
        var other = fixture.Create(share: "same-folder");
        var path = StorePath.Parse("shared.bin");
        await using var write = await store.BeginWriteAsync(path, WriteMode.Replace, Ct);
        await Assert.ThrowsAsync<StoreConflictException>(async () => await other.BeginWriteAsync(path, WriteMode.Replace, Ct));
    }

    [Fact]
    public async Task Another_process_holding_the_lock_keeps_writers_out()
    {
        var flock = ExternalTool.Require("flock", "util-linux");
        var path = StorePath.Parse("cross.bin");
        await using (var write = await store.BeginWriteAsync(path, WriteMode.Replace, Ct))
        {
            await write.Content.WriteAsync(Bytes(10));
            var lockFile = Assert.Single(Directory.GetFiles(staging, "*.lock"));

            // While this process writes, another process cannot take the lock.
            var probe = await ProcessRunner.RunAsync(flock, ["--nonblock", lockFile, "true"], TimeSpan.FromSeconds(10));
            Assert.Equal(1, probe.ExitCode);
        }

        var lockPath = Path.ChangeExtension(Directory.GetFiles(staging, "*.part").Single(), ".lock");
        var info = new ProcessStartInfo(flock) { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { lockPath, "cat" })
        {
            info.ArgumentList.Add(argument);
        }

        using var holder = Process.Start(info)!;
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        await (await store.BeginWriteAsync(path, WriteMode.Replace, Ct)).DisposeAsync();
                        return false;
                    }
                    catch (StoreConflictException)
                    {
                        return true;
                    }
                },
                TimeSpan.FromSeconds(10),
                "the flock process to hold the writer lock");
        }
        finally
        {
            holder.StandardInput.Close();
            await holder.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }

        await using var resumed = await store.BeginWriteAsync(path, WriteMode.Replace, Ct);
        Assert.Equal(10, resumed.ResumeOffset);
    }

    [Fact]
    public async Task Read_only_share_refuses_changes()
    {
        await WriteAsync(store, StorePath.Parse("f.txt"), Bytes(3));
        var readOnly = fixture.Create(readOnly: true, share: "ro");
        Assert.Equal(StoreCapabilities.None, readOnly.Capabilities);
        Assert.Equal(Bytes(3), await ReadAsync(readOnly, StorePath.Parse("f.txt")));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await readOnly.BeginWriteAsync(StorePath.Parse("g.txt"), WriteMode.Replace, Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await readOnly.DeleteAsync(StorePath.Parse("f.txt"), Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await readOnly.CreateDirectoryAsync(StorePath.Parse("d"), Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await readOnly.MoveAsync(StorePath.Parse("f.txt"), StorePath.Parse("h.txt"), Ct));
    }

    [Fact]
    public void Settings_are_checked_and_a_relative_root_lands_in_the_data_directory()
    {
        var bad = Assert.Throws<ConfigurationException>(() => fixture.Create("inbox", new() { ["root"] = "inbox", ["readOnly"] = "maybe" }));
        Assert.Equal("shares:inbox:settings:readOnly", bad.Path);
        Assert.Contains("'maybe'", bad.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<ConfigurationException>(() => fixture.Create("inbox", new() { ["root"] = " " }));
        Assert.Equal("shares:inbox:settings:root", empty.Path);

        var made = fixture.Create("library", new() { ["root"] = "nested/library" });
        Assert.True(Directory.Exists(Path.Combine(fixture.DataDirectory, "nested", "library")));
        Assert.Equal(StoreCapabilities.Write | StoreCapabilities.ResumableWrites | StoreCapabilities.Append | StoreCapabilities.AtomicMove | StoreCapabilities.PreservesModificationTime, made.Capabilities);
        fixture.Create("defaulted", []);
        Assert.True(Directory.Exists(Path.Combine(fixture.DataDirectory, "defaulted")));
    }
}
