using Microsoft.Extensions.Logging;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>The node's library catalogs: one per public-read share, made and started on first use, stopped with the node.</summary>
internal sealed class LibraryCatalogs(string dataDirectory, ILoggerFactory loggerFactory)
{
    private readonly Dictionary<string, LibraryCatalog> catalogs = new(StringComparer.OrdinalIgnoreCase);
    private bool stopped;

    /// <exception cref="ConfigurationException">The share is not public-read.</exception>
    public LibraryCatalog GetOrCreate(Share share)
    {
        if (share.Access != ShareAccess.PublicRead)
        {
            throw new ConfigurationException(
                $"shares:{share.Name}:access",
                $"the share '{share.Name}' is not \"public-read\", so it has no library catalog; make it public-read to publish it as a library.");
        }

        lock (catalogs)
        {
            ObjectDisposedException.ThrowIf(stopped, this);
            if (!catalogs.TryGetValue(share.Name, out var catalog))
            {
                catalog = new LibraryCatalog(
                    share.Name,
                    share.Store,
                    CatalogWatchRoot.Resolve(share.Settings, dataDirectory),
                    new CatalogCacheFile(Path.Combine(dataDirectory, "catalog", share.Name + ".json"), share.Name),
                    CatalogTiming.Default,
                    loggerFactory.CreateLogger<LibraryCatalog>());
                catalogs[share.Name] = catalog;
                catalog.Start();
            }

            return catalog;
        }
    }

    /// <summary>Stops every catalog (saving its cache); catalogs cannot be made afterwards.</summary>
    public async Task StopAllAsync()
    {
        LibraryCatalog[] all;
        lock (catalogs)
        {
            stopped = true;
            all = [.. catalogs.Values];
        }

        await Task.WhenAll(all.Select(c => c.DisposeAsync().AsTask()));
    }
}
