namespace ShareKit.Host.Library;

/// <summary>How often a catalog looks again: the pause that lets a burst of changes settle, full rescans, cache saves.</summary>
/// <param name="Settle">Wait after a change before rescanning its folder, so a file being copied is seen once it is complete.</param>
/// <param name="RescanWhenWatched">Full rescan period while the folder is watched (catches what the watcher missed).</param>
/// <param name="RescanWhenNotWatched">Full rescan period when the store's folder cannot be watched (remote stores).</param>
/// <param name="SaveEvery">How often learned facts are written to the cache file while they change.</param>
internal sealed record CatalogTiming(TimeSpan Settle, TimeSpan RescanWhenWatched, TimeSpan RescanWhenNotWatched, TimeSpan SaveEvery)
{
    public static CatalogTiming Default { get; } = new(
        TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10));
}
