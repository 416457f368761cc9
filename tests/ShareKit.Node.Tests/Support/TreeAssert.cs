namespace ShareKit.Node.Tests.Support;

/// <summary>Compares two folder trees: the same names, folders, bytes and file modification times.</summary>
internal static class TreeAssert
{
    public static void Identical(string expected, string actual)
    {
        var want = Entries(expected);
        var got = Entries(actual);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), got.Keys.Order(StringComparer.Ordinal));
        foreach (var (relative, isDir) in want)
        {
            Assert.Equal(isDir, got[relative]);
            if (isDir)
            {
                continue;
            }

            var a = Path.Combine(expected, relative);
            var b = Path.Combine(actual, relative);
            Assert.Equal(new FileInfo(a).Length, new FileInfo(b).Length);
            Assert.True(SameContent(a, b), $"'{relative}' differs in content.");
            Assert.Equal(File.GetLastWriteTimeUtc(a), File.GetLastWriteTimeUtc(b));
        }
    }

    public static bool SameContent(string a, string b)
    {
        using var x = File.OpenRead(a);
        using var y = File.OpenRead(b);
        var bx = new byte[1 << 20];
        var by = new byte[1 << 20];
        while (true)
        {
            var nx = x.ReadAtLeast(bx, bx.Length, throwOnEndOfStream: false);
            var ny = y.ReadAtLeast(by, by.Length, throwOnEndOfStream: false);
            if (nx != ny || !bx.AsSpan(0, nx).SequenceEqual(by.AsSpan(0, ny)))
            {
                return false;
            }

            if (nx == 0)
            {
                return true;
            }
        }
    }

    private static Dictionary<string, bool> Entries(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p), Directory.Exists, StringComparer.Ordinal);
}
