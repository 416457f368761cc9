using ShareKit.Sdk;
using Xunit;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Conformance.Storage;

/// <summary>Listing, stat and reading rules.</summary>
public abstract partial class FileStoreConformanceTests
{
    /// <summary>Stat and list report files with their length and folders as folders; missing paths are null or not found.</summary>
    [Fact]
    public async Task List_and_stat_report_files_and_folders()
    {
        var store = CreateStore();
        var folder = StorePath.Parse("music");
        var song = StorePath.Parse("music/song.flac");
        await store.CreateDirectoryAsync(folder, Ct);
        await store.CreateDirectoryAsync(folder, Ct);
        await WriteAsync(store, song, Bytes(12_345));
        await WriteAsync(store, StorePath.Parse("readme.txt"), Bytes(10));

        var root = await ListAsync(store, StorePath.Root);
        Assert.Equal(["music", "readme.txt"], root.Select(e => e.Path.Value));
        Assert.True(root[0].IsDirectory);
        Assert.False(root[1].IsDirectory);
        Assert.Equal(10, root[1].Length);
        Assert.Equal("readme.txt", root[1].Name);

        var inside = Assert.Single(await ListAsync(store, folder));
        Assert.Equal(song, inside.Path);
        Assert.Equal(12_345, inside.Length);

        var stat = await store.StatAsync(song, Ct);
        Assert.Equal(song, stat!.Path);
        Assert.Equal(12_345, stat.Length);
        Assert.True((await store.StatAsync(folder, Ct))!.IsDirectory);
        Assert.True((await store.StatAsync(StorePath.Root, Ct))!.IsDirectory);
        Assert.Null(await store.StatAsync(StorePath.Parse("music/missing.flac"), Ct));
        Assert.Null(await store.StatAsync(StorePath.Parse("nowhere/missing.flac"), Ct));
    }

    /// <summary>Listing a missing folder, or a file, is StoreNotFoundException.</summary>
    [Fact]
    public async Task Listing_a_missing_folder_or_a_file_is_not_found()
    {
        var store = CreateStore();
        await WriteAsync(store, StorePath.Parse("file.txt"), Bytes(3));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await ListAsync(store, StorePath.Parse("missing")));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await ListAsync(store, StorePath.Parse("file.txt")));
    }

    /// <summary>Reading from an offset returns exactly the tail; at the end it is empty; past the end or negative is refused.</summary>
    [Fact]
    public async Task Read_from_offset_returns_the_tail()
    {
        var store = CreateStore();
        var path = StorePath.Parse("movie.mkv");
        var content = Bytes(1_000_003);
        await WriteAsync(store, path, content);

        Assert.Equal(content, await ReadAsync(store, path));
        Assert.Equal(content[654_321..], await ReadAsync(store, path, 654_321));
        Assert.Empty(await ReadAsync(store, path, content.Length));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.OpenReadAsync(path, content.Length + 1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.OpenReadAsync(path, -1, Ct));
    }

    /// <summary>Opening a missing file, or a folder, for reading is StoreNotFoundException.</summary>
    [Fact]
    public async Task Reading_a_missing_file_or_a_folder_is_not_found()
    {
        var store = CreateStore();
        await store.CreateDirectoryAsync(StorePath.Parse("folder"), Ct);
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(StorePath.Parse("missing.txt"), 0, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(StorePath.Parse("folder"), 0, Ct));
    }

    /// <summary>
    /// Names that are valid store paths but special somewhere (dots, spaces, shell and Windows characters, percent
    /// escapes, long and non-ASCII names) are stored and listed as exactly themselves, and nothing the store keeps for
    /// itself (staging of finished, abandoned or open writes) ever shows in a listing.
    /// </summary>
    [Fact]
    public async Task Unusual_names_round_trip_and_store_internals_never_show()
    {
        var store = CreateStore();
        string[] names =
        [
            "...", "..a", " lead", "trail ", "ab:c", "*?<>|\"", "%2e%2e", "%2F", "~", "-rf", "$HOME", "con", "nul.txt",
            ".hidden", "\u00e9t\u00e9", "\u65e5\u672c", "\U0001F600", new string('x', StorePath.MaxSegmentBytes),
        ];
        foreach (var name in names)
        {
            await WriteAsync(store, StorePath.Root.Append(name), System.Text.Encoding.UTF8.GetBytes(name));
        }

        await using (var abandoned = await store.BeginWriteAsync(StorePath.Parse("abandoned.bin"), WriteMode.CreateNew, Ct))
        {
            await abandoned.Content.WriteAsync(Bytes(100));
        }

        await using var open = await store.BeginWriteAsync(StorePath.Parse("open.bin"), WriteMode.CreateNew, Ct);
        await open.Content.WriteAsync(Bytes(100));

        var listed = await TreeAsync(store, StorePath.Root);
        Assert.Equal(names.Select(n => StorePath.Root.Append(n).Value).Order(StringComparer.Ordinal), listed);
        foreach (var name in names)
        {
            Assert.Equal(name, System.Text.Encoding.UTF8.GetString(await ReadAsync(store, StorePath.Root.Append(name))));
        }
    }

    /// <summary>A name written in NFD is the same file as its NFC spelling (StorePath normalizes; the store must not split them).</summary>
    [Fact]
    public async Task Normalization_variants_name_the_same_file()
    {
        var store = CreateStore();
        var decomposed = StorePath.Parse("Cafe\u0301.txt");
        var composed = StorePath.Parse("Caf\u00e9.txt");
        await WriteAsync(store, decomposed, Bytes(5));
        Assert.Equal(Bytes(5), await ReadAsync(store, composed));
        Assert.Equal(composed, Assert.Single(await ListAsync(store, StorePath.Root)).Path);
    }
}
