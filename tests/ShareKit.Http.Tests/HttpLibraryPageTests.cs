using System.Net;
using System.Text.Json;

namespace ShareKit.Http.Tests;

public sealed class HttpLibraryPageTests : IAsyncLifetime
{
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
    public async Task The_front_page_lists_the_top_folder_with_names_escaped()
    {
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"/browse/books/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/browse/%C5%BDiv%C3%A9%20knihy/\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;i&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_folder_page_shows_titles_and_authors_from_the_files()
    {
        var html = await client.GetStringAsync("/browse/books/");

        Assert.Contains(WebUtility.HtmlEncode(LibraryNode.BookTitle), html, StringComparison.Ordinal);
        Assert.Contains("Lewis Carroll", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/view/books/alice.epub\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/files/books/alice.epub?download=1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_by_author_and_filters_by_kind()
    {
        var byAuthor = await client.GetStringAsync("/search?q=satie");
        var audioOnly = await client.GetStringAsync("/search?q=&kind=audio");
        var noBooks = await client.GetStringAsync("/search?q=satie&kind=ebook");

        Assert.Contains(WebUtility.HtmlEncode(LibraryNode.SongTitle), byAuthor, StringComparison.Ordinal);
        Assert.Contains("2 results", audioOnly, StringComparison.Ordinal);
        Assert.Contains("/view/music/tone.wav", audioOnly, StringComparison.Ordinal);
        Assert.Contains("0 results", noBooks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/search?kind=spaceship")).StatusCode);
    }

    [Fact]
    public async Task The_item_page_of_a_song_has_a_player_and_its_facts()
    {
        var html = await client.GetStringAsync("/view/music/satie/song.mp3");

        Assert.Contains("<audio id=\"player\" controls preload=\"metadata\" src=\"/files/music/satie/song.mp3\">", html, StringComparison.Ordinal);
        Assert.Contains("Erik Satie", html, StringComparison.Ordinal);
        Assert.Matches("<code>[0-9a-f]{64}</code>", html);
    }

    [Fact]
    public async Task Missing_things_are_404_and_folders_and_files_redirect_to_their_page()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/browse/nowhere/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/view/books/missing.epub")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/files/books/missing.epub")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).StatusCode);
        var file = await client.GetAsync("/browse/books/alice.epub");
        Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
        Assert.Equal("/view/books/alice.epub", file.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/view/books")).StatusCode);
    }

    [Fact]
    public async Task The_json_api_lists_a_folder_with_catalog_fields_and_paging()
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/browse/books?limit=1&offset=1"));
        var root = page.RootElement;

        Assert.Equal(2, root.GetProperty("total").GetInt32());
        var entry = Assert.Single(root.GetProperty("entries").EnumerateArray());
        Assert.Equal("/books/time-machine.epub", entry.GetProperty("path").GetString());
        Assert.Equal("ebook", entry.GetProperty("kind").GetString());
        Assert.Equal("The Time Machine", entry.GetProperty("title").GetString());
        Assert.Equal("H. G. Wells", entry.GetProperty("author").GetString());
        Assert.Matches("^[0-9a-f]{64}$", entry.GetProperty("sha256").GetString());
        Assert.Equal("/files/books/time-machine.epub", entry.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_json_api_searches_and_reports_bad_requests_as_json()
    {
        using var found = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=wonderland"));
        var badKind = await client.GetAsync("/api/search?kind=spaceship");
        var badLimit = await client.GetAsync("/api/browse/?limit=100000");
        var missing = await client.GetAsync("/api/browse/nowhere");
        using var entry = JsonDocument.Parse(await client.GetStringAsync("/api/entry/music/satie/song.mp3"));

        Assert.Equal("/books/alice.epub", found.RootElement.GetProperty("entries")[0].GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("kind", (await badKind.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(LibraryNode.SongTitle, entry.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Anything_but_reading_is_405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/files/books/alice.epub") { Content = new StringContent("x") };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : response.Headers.GetValues("Allow").Single());
        Assert.True(File.Exists(Path.Combine(node.LibraryRoot, "books", "alice.epub")));
    }
}
