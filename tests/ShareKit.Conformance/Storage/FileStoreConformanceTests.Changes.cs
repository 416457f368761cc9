using ShareKit.Sdk;
using Xunit;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Conformance.Storage;

/// <summary>Folder, delete and move rules.</summary>
public abstract partial class FileStoreConformanceTests
{
    /// <summary>Deleting removes a file or an empty folder; a non-empty folder is a conflict; a missing path is not found.</summary>
    [Fact]
    public async Task Delete_removes_files_and_empty_folders_only()
    {
        var store = CreateStore();
        var folder = StorePath.Parse("a/b");
        var file = StorePath.Parse("a/b/c.txt");
        await store.CreateDirectoryAsync(folder, Ct);
        await WriteAsync(store, file, Bytes(10));

        var notEmpty = await Assert.ThrowsAsync<StoreConflictException>(async () => await store.DeleteAsync(folder, Ct));
        Assert.Equal(folder, notEmpty.Path);
        Assert.NotNull(await store.StatAsync(file, Ct));

        await store.DeleteAsync(file, Ct);
        Assert.Null(await store.StatAsync(file, Ct));
        await store.DeleteAsync(folder, Ct);
        Assert.Null(await store.StatAsync(folder, Ct));
        Assert.Equal(["a/"], await TreeAsync(store, StorePath.Root));

        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.DeleteAsync(file, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.DeleteAsync(StorePath.Parse("never"), Ct));
    }

    /// <summary>Creating a folder where a file is is a conflict; creating an existing folder succeeds.</summary>
    [Fact]
    public async Task Create_directory_over_a_file_is_a_conflict()
    {
        var store = CreateStore();
        var path = StorePath.Parse("thing");
        await WriteAsync(store, path, Bytes(4));
        await Assert.ThrowsAsync<StoreConflictException>(async () => await store.CreateDirectoryAsync(path, Ct));
        await store.CreateDirectoryAsync(StorePath.Parse("x/y/z"), Ct);
        await store.CreateDirectoryAsync(StorePath.Parse("x/y/z"), Ct);
        Assert.True((await store.StatAsync(StorePath.Parse("x/y"), Ct))!.IsDirectory);
        Assert.Equal(Bytes(4), await ReadAsync(store, path));
    }

    /// <summary>Moving renames files and folders (with their content) and never replaces an existing entry.</summary>
    [Fact]
    public async Task Move_renames_and_never_replaces()
    {
        var store = CreateStore();
        var a = StorePath.Parse("a.txt");
        var b = StorePath.Parse("b.txt");
        await WriteAsync(store, a, Bytes(100, seed: 1));
        await WriteAsync(store, b, Bytes(200, seed: 2));

        var conflict = await Assert.ThrowsAsync<StoreConflictException>(async () => await store.MoveAsync(a, b, Ct));
        Assert.Equal(b, conflict.Path);
        Assert.Equal(Bytes(100, seed: 1), await ReadAsync(store, a));
        Assert.Equal(Bytes(200, seed: 2), await ReadAsync(store, b));

        var c = StorePath.Parse("c.txt");
        await store.MoveAsync(a, c, Ct);
        Assert.Null(await store.StatAsync(a, Ct));
        Assert.Equal(Bytes(100, seed: 1), await ReadAsync(store, c));

        await store.CreateDirectoryAsync(StorePath.Parse("dir/sub"), Ct);
        await WriteAsync(store, StorePath.Parse("dir/sub/f.txt"), Bytes(7));
        await store.CreateDirectoryAsync(StorePath.Parse("other"), Ct);
        await Assert.ThrowsAsync<StoreConflictException>(async () => await store.MoveAsync(StorePath.Parse("dir"), StorePath.Parse("other"), Ct));
        await store.MoveAsync(StorePath.Parse("dir"), StorePath.Parse("other/moved"), Ct);
        Assert.Equal(Bytes(7), await ReadAsync(store, StorePath.Parse("other/moved/sub/f.txt")));
        Assert.Null(await store.StatAsync(StorePath.Parse("dir"), Ct));

        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.MoveAsync(StorePath.Parse("ghost"), StorePath.Parse("ghost2"), Ct));
    }

    /// <summary>A folder cannot be moved into itself, and the root can be neither deleted nor moved.</summary>
    [Fact]
    public async Task Folder_cannot_move_into_itself_and_the_root_stays()
    {
        var store = CreateStore();
        var dir = StorePath.Parse("dir");
        await store.CreateDirectoryAsync(dir, Ct);
        await Assert.ThrowsAnyAsync<StorageException>(async () => await store.MoveAsync(dir, StorePath.Parse("dir/inner"), Ct));
        await Assert.ThrowsAnyAsync<StorageException>(async () => await store.DeleteAsync(StorePath.Root, Ct));
        await Assert.ThrowsAnyAsync<StorageException>(async () => await store.MoveAsync(StorePath.Root, StorePath.Parse("elsewhere"), Ct));
        Assert.Equal(["dir/"], await TreeAsync(store, StorePath.Root));
    }
}
