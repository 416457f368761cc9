namespace ShareKit.Sdk;

/// <summary>What to look for in a catalog.</summary>
/// <param name="Words">
/// Words that must all appear (case-insensitively, anywhere) in an entry's title, author/artist or path.
/// Empty matches every entry, which with <paramref name="Kind"/> lists all entries of one kind.
/// </param>
/// <param name="Kind">Only entries of this kind, or null for any kind.</param>
public sealed record CatalogQuery(string Words, MediaKind? Kind = null)
{
    /// <summary>Only entries inside this folder (at any depth); the root (the default) searches the whole share.</summary>
    public StorePath Within { get; init; } = StorePath.Root;
}
