using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using ShareKit.Testing;

namespace ShareKit.Http.Tests;

/// <summary>
/// The web page in a real browser: Debian's Chromium (never a downloaded one), driven headless by Playwright, on a
/// phone-sized screen. Screenshots go to <c>TestResults/library-browser/</c> at the repository root.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] LaunchFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

    private readonly ConcurrentQueue<(string Url, int Status, string? Range)> media = new();
    private LibraryNode node = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private IPage page = null!;

    public static string ScreenshotDirectory => Path.Combine(RepoPaths.Root, "TestResults", "library-browser");

    public async Task InitializeAsync()
    {
        ExternalTool.Require(Chromium, "chromium");
        node = await LibraryNode.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = LaunchFlags });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            BaseURL = node.BaseAddress.GetLeftPart(UriPartial.Authority),
        });
        context.SetDefaultTimeout(20_000);
        page = await context.NewPageAsync();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/files/", StringComparison.Ordinal))
            {
                media.Enqueue((response.Url, response.Status, response.Request.Headers.GetValueOrDefault("range")));
            }
        };
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await node.DisposeAsync();
    }

    [Fact]
    public async Task A_phone_browser_navigates_into_folders_and_seeks_a_song()
    {
        await page.GotoAsync("/");
        await Screenshot("1-front-page");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the front page scrolls sideways on a phone");

        await page.Locator("a.name", new PageLocatorOptions { HasTextString = "music" }).ClickAsync();
        await page.WaitForURLAsync("**/browse/music/");
        await page.Locator("a.name", new PageLocatorOptions { HasTextString = "satie" }).ClickAsync();
        await page.WaitForURLAsync("**/browse/music/satie/");
        await page.Locator("a.name", new PageLocatorOptions { HasTextString = LibraryNode.SongTitle }).ClickAsync();
        await page.WaitForURLAsync("**/view/music/satie/song.mp3");

        var duration = await page.EvaluateAsync<double>("""
            () => new Promise((resolve, reject) => {
              const a = document.getElementById('player');
              if (a.readyState >= 1) { resolve(a.duration); return; }
              a.addEventListener('loadedmetadata', () => resolve(a.duration), { once: true });
              a.addEventListener('error', () => reject(new Error('media error ' + (a.error && a.error.code))), { once: true });
              a.load();
            })
            """);
        var seekedTo = await page.EvaluateAsync<double>("""
            () => new Promise((resolve, reject) => {
              const a = document.getElementById('player');
              a.addEventListener('seeked', () => resolve(a.currentTime), { once: true });
              a.addEventListener('error', () => reject(new Error('media error')), { once: true });
              a.currentTime = 15;
            })
            """);
        await Screenshot("2-song-page");

        Assert.InRange(duration, 20, 22.5); // 800 frames of 26.1 ms
        Assert.InRange(seekedTo, 14.9, 15.1);
        Assert.Contains(media, m => m.Url.EndsWith("/files/music/satie/song.mp3", StringComparison.Ordinal) && m.Status == 206 && m.Range is not null);
        Assert.Contains("Erik Satie", await page.TextContentAsync("article"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_searches_by_kind_and_downloads_a_book()
    {
        await page.GotoAsync("/");
        await page.FillAsync("input[name=q]", "wonderland");
        await page.SelectOptionAsync("select[name=kind]", "ebook");
        await page.ClickAsync("form.search button");
        await page.WaitForURLAsync("**/search?q=wonderland&kind=ebook");
        await Screenshot("3-search");

        Assert.Equal("1 result for “wonderland” · ebook", (await page.TextContentAsync("#result-count"))?.Trim());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.get").First.ClickAsync());
        using var temp = new TempDirectory();
        var saved = temp.Combine(download.SuggestedFilename);
        await download.SaveAsAsync(saved);

        Assert.Equal("alice.epub", download.SuggestedFilename);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(node.LibraryRoot, "books", "alice.epub")), await File.ReadAllBytesAsync(saved));
    }

    [Fact]
    public async Task A_browser_reads_the_same_listing_from_the_json_api()
    {
        var response = await page.GotoAsync("/api/search?kind=audio");
        using var json = JsonDocument.Parse(await response!.TextAsync());

        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
    }

    private Task Screenshot(string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}
