using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Host.Configuration;
using ShareKit.Host.Plugins;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;
using ShareKit.Testing;
using ShareKit.Testing.Library;

namespace ShareKit.Host.Tests.Library;

public sealed class NodeCatalogTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task A_public_read_share_has_one_catalog_that_stops_with_the_node()
    {
        var components = Compose(createShares: false);
        var runner = new NodeRunner(components, NullLogger.Instance);
        await runner.StartAsync(CancellationToken.None);
        File.WriteAllBytes(Path.Combine(temp.Path, "data", "library", "book.epub"), MediaFixtures.Epub("A Book", "An Author"));

        IComponentResolver resolver = components;
        var catalog = resolver.GetCatalog("LIBRARY");
        Assert.Same(catalog, resolver.GetCatalog("library"));
        Assert.Equal("library", catalog.ShareName);
        await Eventually.TrueAsync(async () => (await catalog.GetAsync(StorePath.Parse("book.epub"), CancellationToken.None))?.ContentHash is not null, TimeSpan.FromSeconds(20), "the book to be hashed");
        await runner.StopAsync(TimeSpan.FromSeconds(5));

        Assert.True(File.Exists(Path.Combine(temp.Path, "data", "catalog", "library.json")));
        Assert.Contains("A Book", await File.ReadAllTextAsync(Path.Combine(temp.Path, "data", "catalog", "library.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_public_read_shares_have_a_catalog()
    {
        IComponentResolver resolver = Compose();

        var inbox = Assert.Throws<ConfigurationException>(() => resolver.GetCatalog("inbox"));
        Assert.Equal("shares:inbox:access", inbox.Path);
        Assert.Contains("public-read", inbox.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigurationException>(() => resolver.GetCatalog("nothing-by-that-name"));
    }

    public void Dispose() => temp.Dispose();

    private NodeComponents Compose(bool createShares = true)
    {
        var file = temp.Combine("plugins.json");
        File.WriteAllText(file, """
            {
              "node": { "name": "catalog-node", "dataDirectory": "data" },
              "plugins": { "ShareKit.Storage.Local": { "enabled": true } },
              "shares": {
                "library": { "storage": "local", "access": "public-read", "settings": { "root": "library" } },
                "inbox": { "storage": "local", "access": "receive", "settings": { "root": "inbox" } }
              }
            }
            """);
        var settings = SettingsReader.Read(ConfigurationSources.Build(file, []), file);
        var (statuses, registry) = new PluginLoading(RepoPaths.PluginsDirectory, NullLogger.Instance).LoadAll(settings.Plugins);
        Assert.Equal(PluginState.Loaded, Assert.Single(statuses).State);
        Directory.CreateDirectory(settings.Node.DataDirectory);
        var components = new NodeComponents(settings, registry, statuses, new NodeIdentity(NodeId.NewRandom(), "catalog-node"), NullLoggerFactory.Instance);
        if (createShares)
        {
            components.CreateShares();
        }

        return components;
    }
}
