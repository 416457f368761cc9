using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Host.Library;
using ShareKit.Sdk;

namespace ShareKit.Host.Tests.Library;

/// <summary>Makes a started catalog over a store with quick timings.</summary>
internal static class CatalogFactory
{
    public static readonly CatalogTiming Quick = new(
        TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100));

    public static LibraryCatalog Start(IFileStore store, TestLibrary library, bool watch = true)
    {
        var catalog = new LibraryCatalog(
            "library",
            store,
            watch ? library.Root : null,
            new CatalogCacheFile(Path.Combine(library.DataDirectory, "catalog", "library.json"), "library"),
            Quick,
            NullLogger<LibraryCatalog>.Instance);
        catalog.Start();
        return catalog;
    }
}
