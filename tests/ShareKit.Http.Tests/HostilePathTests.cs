using System.Text;

namespace ShareKit.Http.Tests;

public sealed class HostilePathTests : IAsyncLifetime
{
    private const string Secret = "TOP-SECRET-OUTSIDE-THE-LIBRARY";
    private LibraryNode node = null!;

    public static TheoryData<string> Targets => new()
    {
        "/files/../secret.txt",
        "/files/../../data/secret.txt",
        "/files/%2e%2e/secret.txt",
        "/files/%2E%2E/%2e%2e/data/secret.txt",
        "/files/.%2e/secret.txt",
        "/files/books/%2e%2e/%2e%2e/secret.txt",
        "/files/..%2fsecret.txt",
        "/files/..%2Fsecret.txt",
        "/files/%252e%252e/secret.txt",
        "/files/..\\secret.txt",
        "/files/%5c..%5csecret.txt",
        "/files/books%5c..%5c..%5csecret.txt",
        "/files/secret.txt%00.epub",
        "/files/%00",
        "/files//etc/passwd",
        "/files/%2fetc%2fpasswd",
        "/files/C:%5cWindows",
        "/view/%2e%2e/secret.txt",
        "/api/browse/%2e%2e",
        "/api/entry/..%2fsecret.txt",
        "/search?in=..&q=secret",
        "/search?in=%2e%2e&q=secret",
        "/api/search?in=../..&q=secret",
        "/files/" + new string('a', 300),
        "/files/" + string.Join('/', Enumerable.Repeat("deep", 70)),
        "/files/" + string.Join('/', Enumerable.Repeat(new string('x', 200), 25)),
        "/files/%ff%fe",
        "/files/%c0%ae%c0%ae/secret.txt",
    };

    public async Task InitializeAsync()
    {
        node = await LibraryNode.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(node.DataDirectory, "secret.txt"), Secret);
        await File.WriteAllTextAsync(Path.Combine(node.DataDirectory, "..", "secret.txt"), Secret);
    }

    public async Task DisposeAsync() => await node.DisposeAsync();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Hostile_paths_get_400_or_404_and_never_a_byte_from_outside(string target)
    {
        var reply = await RawHttp.GetAsync(node.BaseAddress, target);

        Assert.True(reply.Status is 400 or 404, $"{target} → {reply.Status}\n{reply.Head}");
        Assert.DoesNotContain(Secret, reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/browse/../")]
    [InlineData("/browse/%2e%2e/")]
    [InlineData("/browse/books/../../../")]
    [InlineData("/browse/%2e%2e/%2E%2E/")]
    public async Task Dot_segments_resolve_like_any_url_and_stop_at_the_library_root(string target)
    {
        var reply = await RawHttp.GetAsync(node.BaseAddress, target);

        Assert.Equal(200, reply.Status);
        Assert.Contains("href=\"/browse/books/\"", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret.txt", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_doubly_encoded_name_is_only_ever_that_literal_name()
    {
        var literal = await RawHttp.GetAsync(node.BaseAddress, "/files/%252e%252e");

        Assert.Equal(200, literal.Status);
        Assert.Equal("a file whose name looks encoded", literal.Body);
    }

    [Fact]
    public async Task Names_with_any_characters_are_reachable_through_their_encoded_links()
    {
        var unicode = await RawHttp.GetAsync(node.BaseAddress, "/files/%C5%BDiv%C3%A9%20knihy/%C4%8Dten%C3%AD.txt");
        var hostile = await RawHttp.GetAsync(node.BaseAddress, "/files/" + Uri.EscapeDataString(LibraryNode.HostileName));

        Assert.Equal((200, "čtení"), (unicode.Status, unicode.Body));
        Assert.Equal((200, "hostile"), (hostile.Status, hostile.Body));
    }

    [Fact]
    public async Task An_overlong_request_line_is_refused_and_the_server_goes_on()
    {
        var reply = await RawHttp.GetAsync(node.BaseAddress, "/files/" + new string('a', 40_000));
        var after = await RawHttp.GetAsync(node.BaseAddress, "/files/notes-do-not-exist.txt");

        Assert.InRange(reply.Status, 400, 431);
        Assert.Equal(404, after.Status);
        Assert.Equal(Encoding.UTF8.GetByteCount(reply.Body), Encoding.UTF8.GetByteCount(reply.Body.Replace(Secret, string.Empty, StringComparison.Ordinal)));
    }
}
