using System.Text.Json;

namespace ShareKit.Host.Library;

/// <summary>
/// Keeps a share's catalog facts in <c>&lt;data&gt;/catalog/&lt;share&gt;.json</c> so a restart does not re-hash the library.
/// Written to a temporary file and renamed, so a crash leaves the old cache or the new one, never half of one.
/// </summary>
internal sealed class CatalogCacheFile(string file, string shareName)
{
    public string FilePath => file;

    /// <summary>The cached facts by path; empty when there is no cache or it is unreadable (it is only a cache).</summary>
    public Dictionary<string, CachedFacts> Load()
    {
        try
        {
            using var stream = File.OpenRead(file);
            var document = JsonSerializer.Deserialize(stream, CatalogCacheJson.Default.CatalogCacheDocument);
            if (document is null || document.Version != CatalogCacheDocument.CurrentVersion)
            {
                return [];
            }

            var facts = new Dictionary<string, CachedFacts>(document.Entries.Count, StringComparer.Ordinal);
            foreach (var entry in document.Entries)
            {
                facts[entry.Path] = entry;
            }

            return facts;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return [];
        }
    }

    public async Task SaveAsync(IReadOnlyList<CachedFacts> entries, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        var stream = File.Create(temporary);
        await using (stream)
        {
            await JsonSerializer.SerializeAsync(stream, new CatalogCacheDocument(CatalogCacheDocument.CurrentVersion, shareName, entries), CatalogCacheJson.Default.CatalogCacheDocument, ct);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
