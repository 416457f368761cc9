using System.Text.Json.Serialization;

namespace ShareKit.Host.Library;

/// <summary>The catalog cache file: a format version and the facts of every examined file.</summary>
internal sealed record CatalogCacheDocument(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("share")] string Share,
    [property: JsonPropertyName("entries")] IReadOnlyList<CachedFacts> Entries)
{
    public const int CurrentVersion = 1;
}
