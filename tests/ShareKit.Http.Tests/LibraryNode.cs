using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Host.Configuration;
using ShareKit.Host.Plugins;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;
using ShareKit.Testing;
using ShareKit.Testing.Library;

namespace ShareKit.Http.Tests;

/// <summary>
/// A node composed like <c>sharekit serve</c> does it: settings from a plugins.json, the real local store and
/// http-library plugins loaded from the built plugins folder, serving a generated library on a loopback port.
/// </summary>
public sealed class LibraryNode : IAsyncDisposable
{
    public const string BookTitle = "Alice's Adventures in Wonderland";
    public const string SongTitle = "Gymnopédie No. 1";
    public const string HostileName = "<b>bold<i> & \"quoted\" 'name'.txt";

    private readonly TempDirectory temp = new("sharekit-http-");
    private NodeRunner? runner;

    private LibraryNode()
    {
    }

    public string LibraryRoot => temp.Combine("data", "library");

    public string DataDirectory => temp.Combine("data");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>1 MiB of random bytes at <c>/big/random.bin</c>, for ranges.</summary>
    public byte[] BigFile { get; } = RandomNumberGenerator.GetBytes(1024 * 1024);

    public IComponentResolver Components { get; private set; } = null!;

    public static async Task<LibraryNode> StartAsync(string? extraSettings = null, string share = "library")
    {
        var node = new LibraryNode();
        try
        {
            node.Populate();
            await node.RunAsync(extraSettings, share);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public string Write(string relative, byte[] content)
    {
        var full = Path.Combine(LibraryRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (runner is not null)
        {
            await runner.StopAsync(TimeSpan.FromSeconds(5));
        }

        temp.Dispose();
    }

    private void Populate()
    {
        Write("books/alice.epub", MediaFixtures.Epub(BookTitle, "Lewis Carroll"));
        Write("books/time-machine.epub", MediaFixtures.Epub("The Time Machine", "H. G. Wells"));
        Write("music/satie/song.mp3", MediaFixtures.Mp3(SongTitle, "Erik Satie", frames: 800));
        Write("music/tone.wav", MediaFixtures.Wav(20));
        Write("big/random.bin", BigFile);
        Write("Živé knihy/čtení.txt", "čtení"u8.ToArray());
        Write(HostileName, "hostile"u8.ToArray());
        Write("%2e%2e", "a file whose name looks encoded"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(LibraryRoot, "empty"));
    }

    private async Task RunAsync(string? extraSettings, string share)
    {
        var file = temp.Combine("plugins.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "node": { "name": "test-box", "dataDirectory": "data" },
              "plugins": { "ShareKit.Storage.Local": { "enabled": true }, "ShareKit.Http": { "enabled": true } },
              "shares": {
                "library": { "storage": "local", "access": "public-read", "settings": { "root": "library" } },
                "inbox": { "storage": "local", "access": "receive", "settings": { "root": "inbox" } }
              },
              "services": {
                "http-library": { "enabled": true, "settings": { "listen": "tcp://127.0.0.1:0", "share": "{{share}}" {{extraSettings}} } }
              }
            }
            """);
        var settings = SettingsReader.Read(ConfigurationSources.Build(file, []), file);
        var (statuses, registry) = new PluginLoading(RepoPaths.PluginsDirectory, NullLogger.Instance).LoadAll(settings.Plugins);
        Assert.All(statuses, status => Assert.True(status.State == PluginState.Loaded, $"{status.Name}: {status.State} {status.Reason}"));
        Directory.CreateDirectory(settings.Node.DataDirectory);
        var components = new NodeComponents(settings, registry, statuses, new NodeIdentity(NodeId.NewRandom(), "test-box"), NullLoggerFactory.Instance);
        Components = components;
        runner = new NodeRunner(components, NullLogger.Instance);
        await runner.StartAsync(CancellationToken.None);
        var line = runner.Describe().Single(l => l.StartsWith("service http-library on ", StringComparison.Ordinal));
        BaseAddress = new Uri(line["service http-library on ".Length..].Split(", ")[0]);
        var catalog = (ShareKit.Host.Library.LibraryCatalog)Components.GetCatalog("library");
        await catalog.ListingReady;
        await Eventually.TrueAsync(() => catalog.PendingWork == 0, TimeSpan.FromSeconds(30), "the catalog to examine and hash the library");
    }
}
