using System.Net;
using System.Text.Json;
using ShareKit.Testing;
using ShareKit.Testing.Library;

namespace ShareKit.Http.Tests;

/// <summary>The library box as people run it: the real <c>sharekit serve</c> process with a plugins.json.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Sharekit_serve_runs_a_library_box_and_stops_cleanly_on_sigterm()
    {
        using var temp = new TempDirectory();
        temp.WriteFile("data/library/books/alice.epub", MediaFixtures.Epub(LibraryNode.BookTitle, "Lewis Carroll"));
        temp.WriteFile("data/library/music/song.mp3", MediaFixtures.Mp3(LibraryNode.SongTitle, "Erik Satie"));
        var config = temp.WriteFile("plugins.json", """
            {
              "node": { "name": "box", "dataDirectory": "data" },
              "plugins": { "ShareKit.Storage.Local": { "enabled": true }, "ShareKit.Http": { "enabled": true } },
              "shares": { "library": { "storage": "local", "access": "public-read", "settings": { "root": "library", "readOnly": true } } },
              "services": { "http-library": { "enabled": true, "settings": { "listen": "tcp://127.0.0.1:0" } } }
            }
            """u8.ToArray());
        await using var host = HostProcess.Start(["serve", "--config", config]);

        var line = await host.WaitForLineAsync(l => l.Contains("service http-library on http://", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var address = new Uri(line[line.IndexOf("http://", StringComparison.Ordinal)..].Split(',')[0].Trim());
        using var client = new HttpClient { BaseAddress = address };
        await Eventually.TrueAsync(
            async () =>
            {
                using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=wonderland"));
                return json.RootElement.GetProperty("total").GetInt32() == 1
                    && json.RootElement.GetProperty("entries")[0].GetProperty("title").GetString() == LibraryNode.BookTitle;
            },
            TimeSpan.FromSeconds(30),
            "the book's title in the catalog");
        var song = await client.GetAsync("/files/music/song.mp3");
        host.Signal(15);
        var exit = await host.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, song.StatusCode);
        Assert.Equal(0, exit);
        Assert.True(File.Exists(temp.Combine("data", "catalog", "library.json")), host.AllOutput);
    }
}
