namespace ShareKit.Sdk;

/// <summary>
/// The catalog of a <see cref="ShareAccess.PublicRead"/> share: every file with its kind, title, author/artist
/// and content hash, for browsing and searching without reading the files. Listing is ready as soon as the
/// share is scanned; content hashes fill in from a background queue. Safe for concurrent use.
/// </summary>
public interface ILibraryCatalog
{
    /// <summary>The name of the share this catalog describes.</summary>
    string ShareName { get; }

    /// <summary>The entries directly inside <paramref name="folder"/>, folders first, then by name.</summary>
    /// <param name="folder">The folder to list; the root for the top of the share.</param>
    /// <param name="offset">How many entries to skip (0 or more).</param>
    /// <param name="limit">The most entries to return (1 or more).</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="StoreNotFoundException"><paramref name="folder"/> is not a folder of the share.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="limit"/> is out of range.</exception>
    ValueTask<CatalogPage> BrowseAsync(StorePath folder, int offset, int limit, CancellationToken ct);

    /// <summary>The files matching <paramref name="query"/> anywhere in the share, best matches first.</summary>
    /// <param name="query">Words and an optional kind.</param>
    /// <param name="offset">How many entries to skip (0 or more).</param>
    /// <param name="limit">The most entries to return (1 or more).</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="limit"/> is out of range.</exception>
    ValueTask<CatalogPage> SearchAsync(CatalogQuery query, int offset, int limit, CancellationToken ct);

    /// <summary>The entry at <paramref name="path"/>, or null if the share has nothing there.</summary>
    ValueTask<CatalogEntry?> GetAsync(StorePath path, CancellationToken ct);
}
