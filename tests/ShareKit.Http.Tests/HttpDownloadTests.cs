using System.Net;
using System.Net.Http.Headers;

namespace ShareKit.Http.Tests;

public sealed class HttpDownloadTests : IAsyncLifetime
{
    private const string Big = "/files/big/random.bin";
    private LibraryNode node = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        node = await LibraryNode.StartAsync();
        client = node.Client();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await node.DisposeAsync();
    }

    [Fact]
    public async Task A_whole_file_comes_with_validators_and_range_support()
    {
        var response = await client.GetAsync(Big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(node.BigFile, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(node.BigFile.Length, response.Content.Headers.ContentLength);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Download_links_ask_the_browser_to_save_under_the_file_name()
    {
        var response = await client.GetAsync("/files/music/satie/song.mp3?download=1");

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("song.mp3", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("bytes=100-199", 100, 100)]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=1048570-", 1048570, 6)]
    [InlineData("bytes=-10", 1048566, 10)]
    [InlineData("bytes=1048500-99999999", 1048500, 76)]
    public async Task A_range_is_answered_206_with_exactly_those_bytes(string range, int from, int length)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Big);
        request.Headers.TryAddWithoutValidation("Range", range);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(node.BigFile.AsSpan(from, length).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes {from}-{from + length - 1}/{node.BigFile.Length}", response.Content.Headers.ContentRange?.ToString());
    }

    [Theory]
    [InlineData("bytes=1048576-")]
    [InlineData("bytes=2000000-2000010")]
    public async Task A_range_beyond_the_end_is_416_with_the_length(string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Big);
        request.Headers.TryAddWithoutValidation("Range", range);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{node.BigFile.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-2")]
    [InlineData("items=0-9")]
    [InlineData("bytes=--5")]
    public async Task Malformed_or_multiple_ranges_are_ignored_and_the_whole_file_sent(string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Big);
        request.Headers.TryAddWithoutValidation("Range", range);

        var response = await client.SendAsync(request);

        // RFC 9110 §14.2: a server may ignore a Range it does not support or cannot parse.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(node.BigFile.Length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task The_etag_and_modification_time_give_304()
    {
        var first = await client.GetAsync(Big);
        using var byTag = new HttpRequestMessage(HttpMethod.Get, Big);
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, Big);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        var tagged = await client.SendAsync(byTag);
        var dated = await client.SendAsync(byDate);

        Assert.Equal(HttpStatusCode.NotModified, tagged.StatusCode);
        Assert.Empty(await tagged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, dated.StatusCode);
    }

    [Fact]
    public async Task A_changed_file_gets_a_new_etag_and_a_stale_if_range_gets_the_whole_file()
    {
        var first = await client.GetAsync("/files/music/tone.wav");
        var replacement = ShareKit.Testing.Library.MediaFixtures.Wav(3);
        node.Write("music/tone.wav", replacement);
        File.SetLastWriteTimeUtc(Path.Combine(node.LibraryRoot, "music", "tone.wav"), DateTime.UtcNow.AddMinutes(5));
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/files/music/tone.wav");
        stale.Headers.IfRange = new RangeConditionHeaderValue(first.Headers.ETag!);
        stale.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        using var notModified = new HttpRequestMessage(HttpMethod.Get, "/files/music/tone.wav");
        notModified.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var resumed = await client.SendAsync(stale);
        var revalidated = await client.SendAsync(notModified);

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(replacement, await resumed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.NotEqual(first.Headers.ETag, revalidated.Headers.ETag);
    }

    [Fact]
    public async Task Head_gives_the_headers_without_the_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Big);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(node.BigFile.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_deleted_while_it_is_being_sent_ends_that_download_only()
    {
        using var response = await client.GetAsync(Big, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var start = new byte[1000];
        await body.ReadExactlyAsync(start);

        File.Delete(Path.Combine(node.LibraryRoot, "big", "random.bin"));
        var rest = new MemoryStream();
        try
        {
            await body.CopyToAsync(rest);
        }
        catch (HttpRequestException)
        {
            // Cutting the download short is an acceptable ending too; what matters is the bytes are never wrong.
        }

        Assert.Equal(node.BigFile.AsSpan(0, 1000).ToArray(), start);
        Assert.True(node.BigFile.AsSpan(1000).StartsWith(rest.ToArray()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Big)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/files/music/tone.wav")).StatusCode);
    }
}
