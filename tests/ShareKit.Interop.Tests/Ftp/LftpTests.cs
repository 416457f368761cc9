using ShareKit.Testing;

namespace ShareKit.Interop.Tests.Ftp;

public sealed class LftpTests
{
    private static readonly string[] Tree =
    [
        "Bücher/Ñandú.epub",
        "Bücher/東京/物語.txt",
        "music/a b/track 01.ogg",
        "empty-file.txt",
    ];

    [Fact]
    public async Task Lftp_mirror_downloads_a_unicode_tree_over_forced_tls()
    {
        await using var server = await FtpInterop.StartAsync();
        var contents = new Dictionary<string, byte[]>();
        foreach (var (path, i) in Tree.Select((p, i) => (p, i)))
        {
            contents[path] = path == "empty-file.txt" ? [] : FtpInterop.RandomBytes(10_000 * (i + 1));
            server.WriteFile(path, contents[path]);
        }

        using var local = new TempDirectory();
        var script =
            $"set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 20; set ftp:ssl-force true; set ftp:ssl-protect-data true; " +
            $"set ssl:verify-certificate no; open -u anonymous,guest -p {server.Port} 127.0.0.1; mirror / {local.Combine("copy")}";
        await FtpInterop.RunAsync("lftp", "lftp", "-c", script);
        foreach (var (path, content) in contents)
        {
            Assert.Equal(content, await File.ReadAllBytesAsync(local.Combine("copy", path)));
        }
    }

    [Fact]
    public async Task Lftp_mirror_reverse_uploads_a_unicode_tree()
    {
        await using var server = await FtpInterop.StartAsync();
        using var local = new TempDirectory();
        var contents = new Dictionary<string, byte[]>();
        foreach (var (path, i) in Tree.Select((p, i) => (p, i)))
        {
            contents[path] = path == "empty-file.txt" ? [] : FtpInterop.RandomBytes(20_000 * (i + 1));
            local.WriteFile(Path.Combine("tree", path), contents[path]);
        }

        var script =
            $"set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 20; set ftp:ssl-allow false; " +
            $"open -u writer,pw -p {server.Port} 127.0.0.1; mirror -R {local.Combine("tree")} /uploaded";
        await FtpInterop.RunAsync("lftp", "lftp", "-c", script);
        foreach (var (path, content) in contents)
        {
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(server.ShareFolder("inbox"), "uploaded", path)));
        }
    }
}
