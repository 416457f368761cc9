using System.Text.Json;
using ShareKit.Testing;

namespace ShareKit.Host.Tests.Cli;

public sealed class LibraryCliTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly LibraryCliFixture fixture = new();

    public LibraryCliTests()
    {
        Directory.CreateDirectory(fixture.Library + "/novels");
        File.WriteAllText(fixture.Library + "/novels/moby dick.txt", "Call me Ishmael.");
        File.WriteAllBytes(fixture.Library + "/novels/notes.pdf", [.. "%PDF-1.4\n"u8, .. new byte[100]]);
        File.WriteAllBytes(fixture.Library + "/cover.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]]);
        File.WriteAllText(fixture.Library + "/readme.txt", "welcome to the library");
    }

    [Fact]
    public async Task Ls_lists_the_top_and_a_subfolder_with_kinds_sizes_and_paths()
    {
        var (server, address) = await fixture.StartServerAsync();
        await using var _ = server;

        await using var top = fixture.RunLibrary("ls", address);
        Assert.True(await top.WaitForExitAsync(Patience) == 0, top.AllOutput);
        Assert.StartsWith("KIND", top.StandardOutput.First(), StringComparison.Ordinal);
        Assert.Contains(top.StandardOutput, l => l.StartsWith("folder", StringComparison.Ordinal) && l.Contains("novels/"));
        Assert.Contains(top.StandardOutput, l => l.StartsWith("image", StringComparison.Ordinal) && l.Contains("cover.png"));

        await using var sub = fixture.RunLibrary("ls", address, "/novels", "--json");
        Assert.True(await sub.WaitForExitAsync(Patience) == 0, sub.AllOutput);
        using var json = JsonDocument.Parse(string.Join('\n', sub.StandardOutput));
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        var moby = Assert.Single(entries, e => e.GetProperty("path").GetString() == "novels/moby dick.txt");
        Assert.Equal(16, moby.GetProperty("size").GetInt64());
        Assert.Equal("document", moby.GetProperty("kind").GetString());
        Assert.False(moby.GetProperty("isDirectory").GetBoolean());
    }

    [Fact]
    public async Task Ls_search_finds_files_by_word_and_by_kind_anywhere_in_the_library()
    {
        var (server, address) = await fixture.StartServerAsync();
        await using var _ = server;

        await using var byWord = fixture.RunLibrary("ls", address, "--search", "moby", "--json");
        Assert.True(await byWord.WaitForExitAsync(Patience) == 0, byWord.AllOutput);
        using (var json = JsonDocument.Parse(string.Join('\n', byWord.StandardOutput)))
        {
            Assert.Equal(["novels/moby dick.txt"], json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        }

        await using var byKind = fixture.RunLibrary("ls", address, "--kind", "image", "--json");
        Assert.True(await byKind.WaitForExitAsync(Patience) == 0, byKind.AllOutput);
        using (var json = JsonDocument.Parse(string.Join('\n', byKind.StandardOutput)))
        {
            Assert.Equal(["cover.png"], json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        }

        await using var badKind = fixture.RunLibrary("ls", address, "--kind", "spaceship");
        Assert.Equal(1, await badKind.WaitForExitAsync(Patience));
        Assert.Contains(badKind.StandardError, l => l.Contains("no kind 'spaceship'"));
    }

    [Fact]
    public async Task Get_saves_files_byte_exact_with_their_mtime_over_an_encrypted_connection()
    {
        var mtime = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(fixture.Library + "/novels/moby dick.txt", mtime);
        var (server, address) = await fixture.StartServerAsync(layers: "\"encrypted\"");
        await using var _ = server;

        await using var get = fixture.RunLibrary("get", address, "novels/moby dick.txt", "/cover.png", "-o", fixture.Output, "--layers", "encrypted");
        Assert.True(await get.WaitForExitAsync(Patience) == 0, get.AllOutput);
        Assert.Equal(await File.ReadAllBytesAsync(fixture.Library + "/novels/moby dick.txt"), await File.ReadAllBytesAsync(fixture.Output + "/moby dick.txt"));
        Assert.Equal(await File.ReadAllBytesAsync(fixture.Library + "/cover.png"), await File.ReadAllBytesAsync(fixture.Output + "/cover.png"));
        Assert.Equal(mtime, File.GetLastWriteTimeUtc(fixture.Output + "/moby dick.txt"));
        Assert.Contains(get.StandardError, l => l.StartsWith("delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_killed_get_leaves_no_partial_file_and_a_second_get_resumes_from_the_staged_length()
    {
        var big = fixture.Library + "/big.bin";
        // Big enough that an idle machine is still mid-file when the poll sees the first staged MiB.
        var content = new byte[192 << 20];
        new Random(7).NextBytes(content);
        await File.WriteAllBytesAsync(big, content);
        var (server, address) = await fixture.StartServerAsync();
        await using var _ = server;

        await KillGetMidFileAsync(address, "big.bin");
        Assert.False(File.Exists(fixture.Output + "/big.bin"), "a partial file was published");
        var staged = StagedBytes();
        Assert.InRange(staged, 1, content.Length - 1);

        await using var second = fixture.RunLibrary("get", address, "big.bin", "-o", fixture.Output, "--json");
        Assert.True(await second.WaitForExitAsync(Patience) == 0, second.AllOutput);
        Assert.Equal(content, await File.ReadAllBytesAsync(fixture.Output + "/big.bin"));
        using var done = JsonDocument.Parse(second.StandardOutput.Last());
        var resumed = done.RootElement.GetProperty("resumedBytes").GetInt64();
        Assert.True(resumed > 0 && resumed <= staged, second.AllOutput);
    }

    [Fact]
    public async Task A_staged_part_of_a_file_that_changed_since_is_dropped_and_the_new_file_is_fetched_whole()
    {
        var big = fixture.Library + "/big.bin";
        var content = new byte[48 << 20];
        new Random(8).NextBytes(content);
        await File.WriteAllBytesAsync(big, content);
        var (server, address) = await fixture.StartServerAsync();
        await using var _ = server;
        await KillGetMidFileAsync(address, "big.bin");
        Assert.InRange(StagedBytes(), 1, content.Length - 1);

        content[0] ^= 0xFF;
        await File.WriteAllBytesAsync(big, content);
        await using var second = fixture.RunLibrary("get", address, "big.bin", "-o", fixture.Output);
        Assert.True(await second.WaitForExitAsync(Patience) == 0, second.AllOutput);
        Assert.Equal(content, await File.ReadAllBytesAsync(fixture.Output + "/big.bin"));
        Assert.Contains(second.StandardError, l => l.Contains("big.bin changed on the peer since"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("novels/../../x")]
    public async Task Hostile_paths_are_refused_with_a_clear_error_and_exit_1(string hostile)
    {
        var (server, address) = await fixture.StartServerAsync();
        await using var _ = server;

        await using var ls = fixture.RunLibrary("ls", address, hostile);
        Assert.Equal(1, await ls.WaitForExitAsync(Patience));
        Assert.Contains(ls.StandardError, l => l.Contains("is not allowed"));

        await using var get = fixture.RunLibrary("get", address, hostile, "-o", fixture.Output);
        Assert.Equal(1, await get.WaitForExitAsync(Patience));
        Assert.Contains(get.StandardError, l => l.Contains("not a file path") || l.Contains("is not allowed"));
        Assert.Empty(Directory.GetFiles(fixture.Output, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("""{"type":"fetch","path":"../library/readme.txt","offset":0}""", "bad-request", "is not allowed")]
    [InlineData("""{"type":"fetch","path":"novels\\..\\readme.txt","offset":0}""", "bad-request", "is not allowed")]
    [InlineData("""{"type":"fetch","path":"readme.txt","offset":-1}""", "bad-request", "outside")]
    [InlineData("""{"type":"fetch","path":"nothing-here.txt","offset":0}""", "not-found", "has no file")]
    [InlineData("""{"type":"browse","path":"","offset":0,"limit":1001}""", "bad-request", "limit from 1 to 1000")]
    [InlineData("""{"type":"browse","path":"","offset":0,"limit":5,"share":"secret"}""", "no-library", "no share named 'secret'")]
    public async Task A_raw_library_connection_gets_a_readable_error_for_a_bad_request(string request, string code, string words)
    {
        var (server, address) = await fixture.StartServerAsync();
        await using var _ = server;
        var uri = new Uri(address);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("SHAREKIT\u0003"u8.ToArray());
        await WriteFrameAsync(stream, $$"""{"type":"hello","version":{"major":1,"minor":0},"nodeId":"{{new string('b', 32)}}","name":"raw","capabilities":[]}""");
        using (var hello = await ReadFrameAsync(stream))
        {
            Assert.Equal("hello", hello.RootElement.GetProperty("type").GetString());
        }

        await WriteFrameAsync(stream, request);
        using var error = await ReadFrameAsync(stream);
        Assert.Equal("error", error.RootElement.GetProperty("type").GetString());
        Assert.Equal(code, error.RootElement.GetProperty("code").GetString());
        Assert.Contains(words, error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_only_a_receive_share_serves_no_library()
    {
        var (server, address) = await fixture.StartServerAsync(library: false);
        await using var _ = server;

        await using var ls = fixture.RunLibrary("ls", address);
        Assert.Equal(1, await ls.WaitForExitAsync(Patience));
        Assert.Contains(ls.StandardError, l => l.Contains("serves no library"));
    }

    public void Dispose() => fixture.Dispose();

    private static async Task WriteFrameAsync(Stream stream, string json)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(json);
        var prefix = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(prefix, payload.Length);
        await stream.WriteAsync(prefix);
        await stream.WriteAsync(payload);
    }

    private static async Task<JsonDocument> ReadFrameAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var prefix = new byte[4];
        await stream.ReadExactlyAsync(prefix, timeout.Token);
        var payload = new byte[System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(prefix)];
        await stream.ReadExactlyAsync(payload, timeout.Token);
        return JsonDocument.Parse(payload);
    }

    private async Task KillGetMidFileAsync(string address, string path)
    {
        var first = fixture.RunLibrary("get", address, path, "-o", fixture.Output);
        try
        {
            await Eventually.TrueAsync(() => StagedBytes() > (1 << 20), TimeSpan.FromSeconds(60), "the getter staged the first MiB");
            first.Signal(9);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private long StagedBytes() =>
        Directory.Exists(fixture.Staging) ? Directory.GetFiles(fixture.Staging, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
