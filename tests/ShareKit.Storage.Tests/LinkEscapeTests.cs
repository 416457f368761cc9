using ShareKit.Sdk;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Storage.Tests;

/// <summary>The local store never follows a link out of its root; links inside it act as what they point to.</summary>
public sealed class LinkEscapeTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly LocalStoreFixture fixture = new();
    private readonly IFileStore store;
    private readonly string root;
    private readonly string outside;

    public LinkEscapeTests()
    {
        store = fixture.Create();
        root = fixture.RootOf();
        outside = Path.Combine(fixture.DataDirectory, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
    }

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Link_to_etc_inside_the_root_is_hidden_and_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "etc"), "/etc");

        Assert.Empty(await ListAsync(store, StorePath.Root));
        Assert.Null(await store.StatAsync(StorePath.Parse("etc"), Ct));
        Assert.Null(await store.StatAsync(StorePath.Parse("etc/passwd"), Ct));
        var read = await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(StorePath.Parse("etc/passwd"), 0, Ct));
        Assert.Contains("leads outside the share 'test' through a link", read.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await ListAsync(store, StorePath.Parse("etc")));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.BeginWriteAsync(StorePath.Parse("etc/sharekit-evil"), WriteMode.Replace, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.CreateDirectoryAsync(StorePath.Parse("etc/sharekit-evil-dir"), Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.DeleteAsync(StorePath.Parse("etc/hostname"), Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.MoveAsync(StorePath.Parse("etc/hostname"), StorePath.Parse("stolen"), Ct));

        Assert.False(Path.Exists("/etc/sharekit-evil"));
        Assert.False(Path.Exists("/etc/sharekit-evil-dir"));
        Assert.True(File.Exists("/etc/hostname"));
        Assert.Null(await store.StatAsync(StorePath.Parse("stolen"), Ct));
    }

    [Fact]
    public async Task Symlinked_folder_escaping_by_a_relative_target_is_refused_for_reads_and_writes()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "out"), "../outside");
        Directory.CreateDirectory(Path.Combine(root, "deep", "er"));
        Directory.CreateSymbolicLink(Path.Combine(root, "deep", "er", "up"), "../../../outside");

        foreach (var folder in new[] { "out", "deep/er/up" })
        {
            await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(StorePath.Parse(folder + "/secret.txt"), 0, Ct));
            await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.BeginWriteAsync(StorePath.Parse(folder + "/planted.txt"), WriteMode.CreateNew, Ct));
        }

        Assert.Equal(["deep/", "deep/er/"], await TreeAsync(store, StorePath.Root));
        Assert.Equal(["secret.txt"], Directory.GetFileSystemEntries(outside).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_chain_of_links_that_ends_outside_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "hop2"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "hop1"), "hop2");
        File.CreateSymbolicLink(Path.Combine(root, "file-hop"), "hop1/secret.txt");

        Assert.Empty(await ListAsync(store, StorePath.Root));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(StorePath.Parse("hop1/secret.txt"), 0, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(StorePath.Parse("file-hop"), 0, Ct));
    }

    [Fact]
    public async Task Appending_to_a_file_link_that_escapes_never_copies_its_target()
    {
        File.CreateSymbolicLink(Path.Combine(root, "passwd"), "/etc/passwd");
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.BeginWriteAsync(StorePath.Parse("passwd"), WriteMode.Append, Ct));
    }

    [Fact]
    public async Task Replacing_a_file_link_that_escapes_replaces_the_link_not_its_target()
    {
        var target = Path.Combine(outside, "secret.txt");
        File.CreateSymbolicLink(Path.Combine(root, "secret.txt"), target);

        await WriteAsync(store, StorePath.Parse("secret.txt"), "mine"u8.ToArray(), WriteMode.Replace);

        Assert.Equal("secret", File.ReadAllText(target));
        Assert.Null(new FileInfo(Path.Combine(root, "secret.txt")).LinkTarget);
        Assert.Equal("mine"u8.ToArray(), await ReadAsync(store, StorePath.Parse("secret.txt")));
    }

    [Fact]
    public async Task Links_inside_the_root_are_listed_and_read_as_their_targets()
    {
        Directory.CreateDirectory(Path.Combine(root, "real"));
        File.WriteAllText(Path.Combine(root, "real", "a.txt"), "hello");
        Directory.CreateSymbolicLink(Path.Combine(root, "alias"), "real");
        File.CreateSymbolicLink(Path.Combine(root, "b.txt"), Path.Combine(root, "real", "a.txt"));
        File.CreateSymbolicLink(Path.Combine(root, "dangling"), "nothing-here");

        var entries = await ListAsync(store, StorePath.Root);
        Assert.Equal(["alias", "b.txt", "real"], entries.Select(e => e.Name));
        Assert.True(entries[0].IsDirectory);
        Assert.Equal(5, entries[1].Length);
        Assert.Equal("hello"u8.ToArray(), await ReadAsync(store, StorePath.Parse("alias/a.txt")));
        Assert.Equal("hello"u8.ToArray(), await ReadAsync(store, StorePath.Parse("b.txt")));

        await store.DeleteAsync(StorePath.Parse("b.txt"), Ct);
        Assert.True(File.Exists(Path.Combine(root, "real", "a.txt")));
    }

    [Fact]
    public async Task A_link_into_the_staging_folder_is_hidden()
    {
        await using (var write = await store.BeginWriteAsync(StorePath.Parse("pending.bin"), WriteMode.CreateNew, Ct))
        {
            await write.Content.WriteAsync(Bytes(10));
        }

        Directory.CreateSymbolicLink(Path.Combine(root, "peek"), ".sharekit-staging");
        Assert.Empty(await ListAsync(store, StorePath.Root));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await ListAsync(store, StorePath.Parse("peek")));
    }

    [Fact]
    public async Task A_root_reached_through_a_link_still_works()
    {
        var real = Path.Combine(fixture.DataDirectory, "real-root");
        Directory.CreateDirectory(real);
        Directory.CreateSymbolicLink(Path.Combine(fixture.DataDirectory, "linked-root"), real);
        var linked = fixture.Create(root: "linked-root", share: "linked");

        await WriteAsync(linked, StorePath.Parse("y.txt"), Bytes(3));
        Assert.True(File.Exists(Path.Combine(real, "y.txt")));
        Assert.Equal(["y.txt"], await TreeAsync(linked, StorePath.Root));
    }
}
