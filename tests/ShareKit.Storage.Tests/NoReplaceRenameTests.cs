using ShareKit.Storage.Local;
using ShareKit.Testing;

namespace ShareKit.Storage.Tests;

public sealed class NoReplaceRenameTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_file_is_never_moved_over_an_existing_entry()
    {
        var source = temp.WriteFile("a", [1]);
        var taken = temp.WriteFile("b", [2]);
        Assert.False(NoReplaceRename.TryMove(source, taken, isDirectory: false));
        Assert.Equal([1], File.ReadAllBytes(source));
        Assert.Equal([2], File.ReadAllBytes(taken));

        Directory.CreateDirectory(temp.Combine("dir"));
        Assert.False(NoReplaceRename.TryMove(source, temp.Combine("dir"), isDirectory: false));

        Assert.True(NoReplaceRename.TryMove(source, temp.Combine("c"), isDirectory: false));
        Assert.False(File.Exists(source));
        Assert.Equal([1], File.ReadAllBytes(temp.Combine("c")));
    }

    [Fact]
    public void A_folder_is_never_moved_over_an_existing_entry()
    {
        temp.WriteFile("src/inner.txt", [3]);
        temp.WriteFile("dst/keep.txt", [4]);
        Directory.CreateDirectory(temp.Combine("empty"));
        Assert.False(NoReplaceRename.TryMove(temp.Combine("src"), temp.Combine("dst"), isDirectory: true));
        Assert.False(NoReplaceRename.TryMove(temp.Combine("src"), temp.Combine("empty"), isDirectory: true));
        Assert.True(NoReplaceRename.TryMove(temp.Combine("src"), temp.Combine("moved"), isDirectory: true));
        Assert.Equal([3], File.ReadAllBytes(temp.Combine("moved", "inner.txt")));
        Assert.Equal([4], File.ReadAllBytes(temp.Combine("dst", "keep.txt")));
    }

    [Fact]
    public void A_missing_source_is_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => NoReplaceRename.TryMove(temp.Combine("ghost"), temp.Combine("x"), isDirectory: false));
    }
}
