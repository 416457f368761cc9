using ShareKit.Testing;

namespace ShareKit.Http.Tests;

/// <summary>The web page as curl sees it: ranges, validators and hostile paths sent exactly as written (<c>--path-as-is</c>).</summary>
public sealed class CurlTests : IAsyncLifetime
{
    private LibraryNode node = null!;
    private string curl = null!;

    public async Task InitializeAsync()
    {
        curl = ExternalTool.Require("curl", "curl");
        node = await LibraryNode.StartAsync();
    }

    public async Task DisposeAsync() => await node.DisposeAsync();

    [Fact]
    public async Task Curl_downloads_a_range_and_resumes_a_partial_file()
    {
        using var temp = new TempDirectory();
        var part = temp.Combine("random.bin");
        await File.WriteAllBytesAsync(part, node.BigFile.AsSpan(0, 300_000).ToArray());

        var range = await Curl("-sS", "-r", "1000-1999", "-o", temp.Combine("range.bin"), "-w", "%{http_code}", Url("/files/big/random.bin"));
        var resumed = await Curl("-sS", "-C", "-", "-o", part, "-w", "%{http_code}", Url("/files/big/random.bin"));

        Assert.Equal("206", range.StandardOutput);
        Assert.Equal(node.BigFile.AsSpan(1000, 1000).ToArray(), await File.ReadAllBytesAsync(temp.Combine("range.bin")));
        Assert.Equal("206", resumed.StandardOutput);
        Assert.Equal(node.BigFile, await File.ReadAllBytesAsync(part));
    }

    [Fact]
    public async Task Curl_sees_validators_and_gets_304_and_416()
    {
        var head = await Curl("-sS", "-I", Url("/files/big/random.bin"));
        var etag = head.StandardOutput.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("etag:", StringComparison.OrdinalIgnoreCase))["etag:".Length..].Trim();
        var notModified = await Curl("-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", $"If-None-Match: {etag}", Url("/files/big/random.bin"));
        var beyond = await Curl("-sS", "-o", "/dev/null", "-w", "%{http_code}", "-r", "5000000-", Url("/files/big/random.bin"));

        Assert.Contains("accept-ranges: bytes", head.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("last-modified:", head.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"content-length: {node.BigFile.Length}", head.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("304", notModified.StandardOutput);
        Assert.Equal("416", beyond.StandardOutput);
    }

    [Fact]
    public async Task Curl_gets_the_json_listing_and_search()
    {
        var listing = await Curl("-sS", "--fail", Url("/api/browse/music/satie"));
        var search = await Curl("-sS", "--fail", Url("/api/search?q=wells&kind=ebook"));

        Assert.Contains("\"title\":\"Gymnop\\u00E9die No. 1\"", listing.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"path\":\"/books/time-machine.epub\"", search.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/files/../../../../etc/passwd")]
    [InlineData("/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/files/..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/files/%252e%252e/%252e%252e/etc/passwd")]
    [InlineData("/files/..%5c..%5cetc%5cpasswd")]
    [InlineData("/files/books/alice.epub%00.txt")]
    public async Task Curl_with_hostile_paths_as_is_gets_400_or_404(string target)
    {
        var result = await Curl("-sS", "--path-as-is", "-o", "/dev/null", "-w", "%{http_code}", Url(target));

        Assert.True(result.StandardOutput is "400" or "404", $"{target} → {result.StandardOutput}");
    }

    [Fact]
    public async Task Curl_cannot_write()
    {
        var put = await Curl("-sS", "-o", "/dev/null", "-w", "%{http_code}", "-T", "/etc/hostname", Url("/files/uploaded.txt"));
        var delete = await Curl("-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE", Url("/files/books/alice.epub"));

        Assert.Equal("405", put.StandardOutput);
        Assert.Equal("405", delete.StandardOutput);
        Assert.False(File.Exists(Path.Combine(node.LibraryRoot, "uploaded.txt")));
        Assert.True(File.Exists(Path.Combine(node.LibraryRoot, "books", "alice.epub")));
    }

    private string Url(string target) => node.BaseAddress.GetLeftPart(UriPartial.Authority) + target;

    private async Task<ProcessRunner.Result> Curl(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(curl, arguments, TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result with { StandardOutput = result.StandardOutput.Trim() };
    }
}
