using System.Text.Json.Serialization;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>What the catalog learned about one version of a file (identified by path, size and modification time), as kept on disk.</summary>
internal sealed record CachedFacts(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("modifiedTicks")] long ModifiedUtcTicks,
    [property: JsonPropertyName("kind")] MediaKind Kind,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("sha256")] string? ContentHash)
{
    public bool Describes(FileEntry file) => file.Length == Length && file.LastModified.UtcTicks == ModifiedUtcTicks;
}
