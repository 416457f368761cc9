using ShareKit.Testing;

namespace ShareKit.Interop.Tests.Ftp;

public sealed class CurlTests
{
    [Fact]
    public async Task Curl_lists_and_downloads_from_the_library()
    {
        await using var server = await FtpInterop.StartAsync();
        var content = FtpInterop.RandomBytes(5 * 1024 * 1024 + 3);
        server.WriteFile("films/big.bin", content);
        using var output = new TempDirectory();
        var listing = await FtpInterop.RunAsync("curl", "curl", "-sS", $"ftp://127.0.0.1:{server.Port}/films/");
        Assert.Matches(@"-r--r--r-- 1 ftp ftp +5242883 .* big\.bin", listing.StandardOutput);
        await FtpInterop.RunAsync("curl", "curl", "-sS", "-o", output.Combine("big.bin"), $"ftp://127.0.0.1:{server.Port}/films/big.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(output.Combine("big.bin")));
    }

    [Fact]
    public async Task Curl_continue_at_resumes_a_download()
    {
        await using var server = await FtpInterop.StartAsync();
        var content = FtpInterop.RandomBytes(1_000_000);
        server.WriteFile("f.bin", content);
        using var output = new TempDirectory();
        await File.WriteAllBytesAsync(output.Combine("f.bin"), content[..400_000]);
        await FtpInterop.RunAsync("curl", "curl", "-sS", "-C", "-", "-o", output.Combine("f.bin"), $"ftp://127.0.0.1:{server.Port}/f.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(output.Combine("f.bin")));
    }

    [Fact]
    public async Task Curl_uploads_as_a_named_user()
    {
        await using var server = await FtpInterop.StartAsync();
        using var input = new TempDirectory();
        var content = FtpInterop.RandomBytes(3_000_000);
        await File.WriteAllBytesAsync(input.Combine("up.bin"), content);
        await FtpInterop.RunAsync("curl", "curl", "-sS", "-T", input.Combine("up.bin"), $"ftp://writer:pw@127.0.0.1:{server.Port}/up.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(server.ShareFolder("inbox"), "up.bin")));
    }

    [Fact]
    public async Task Curl_ssl_reqd_lists_downloads_and_uploads_over_ftps()
    {
        await using var server = await FtpInterop.StartAsync();
        var content = FtpInterop.RandomBytes(2_000_000);
        server.WriteFile("tls.bin", content);
        using var work = new TempDirectory();
        var url = $"ftp://127.0.0.1:{server.Port}/";
        var listing = await FtpInterop.RunAsync("curl", "curl", "-sS", "--ssl-reqd", "-k", url);
        Assert.Contains("tls.bin", listing.StandardOutput, StringComparison.Ordinal);
        await FtpInterop.RunAsync("curl", "curl", "-sS", "--ssl-reqd", "-k", "-o", work.Combine("tls.bin"), url + "tls.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(work.Combine("tls.bin")));
        await FtpInterop.RunAsync(
            "curl", "curl", "-sS", "--ssl-reqd", "-k", "-T", work.Combine("tls.bin"), $"ftp://writer:pw@127.0.0.1:{server.Port}/back.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(server.ShareFolder("inbox"), "back.bin")));
    }

    [Fact]
    public async Task Curl_works_with_pasv_only_and_with_active_mode()
    {
        await using var server = await FtpInterop.StartAsync();
        var content = FtpInterop.RandomBytes(700_000);
        server.WriteFile("f.bin", content);
        using var work = new TempDirectory();
        await FtpInterop.RunAsync("curl", "curl", "-sS", "--disable-epsv", "-o", work.Combine("pasv.bin"), $"ftp://127.0.0.1:{server.Port}/f.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(work.Combine("pasv.bin")));
        await FtpInterop.RunAsync("curl", "curl", "-sS", "-P", "127.0.0.1", "-o", work.Combine("port.bin"), $"ftp://127.0.0.1:{server.Port}/f.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(work.Combine("port.bin")));
        await FtpInterop.RunAsync(
            "curl", "curl", "-sS", "-P", "127.0.0.1", "--disable-eprt", "-o", work.Combine("port4.bin"), $"ftp://127.0.0.1:{server.Port}/f.bin");
        Assert.Equal(content, await File.ReadAllBytesAsync(work.Combine("port4.bin")));
    }

    [Fact]
    public async Task Curl_is_refused_a_file_outside_the_share()
    {
        await using var server = await FtpInterop.StartAsync();
        var path = ExternalTool.Require("curl", "curl");
        var result = await ProcessRunner.RunAsync(
            path, ["-sS", "--path-as-is", $"ftp://127.0.0.1:{server.Port}/../../../../etc/passwd"], FtpInterop.ToolTimeout);
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("root:", result.StandardOutput, StringComparison.Ordinal);
    }
}
