namespace ShareKit.Sdk;

/// <summary>One page of a catalog listing or search.</summary>
/// <param name="Entries">The entries of this page: folders first, then by name (listing) or by relevance (search).</param>
/// <param name="Total">How many entries the whole listing or search has, across all pages.</param>
public sealed record CatalogPage(IReadOnlyList<CatalogEntry> Entries, int Total);
