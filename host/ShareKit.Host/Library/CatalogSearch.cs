using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>Matches catalog entries against a query's words and ranks them: title hits first, then author, then path.</summary>
internal static class CatalogSearch
{
    public static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The entry's score for the query, or -1 when it does not match (every word must appear somewhere).</summary>
    public static int Score(CatalogEntry entry, CatalogQuery query, string[] words)
    {
        if (query.Kind is { } kind ? entry.Kind != kind : entry.IsDirectory && words.Length == 0)
        {
            return -1;
        }

        if (!entry.Path.IsWithin(query.Within) || entry.Path == query.Within)
        {
            return -1;
        }

        var score = 0;
        foreach (var word in words)
        {
            if (Contains(entry.Title, word))
            {
                score += 4;
            }
            else if (Contains(entry.Author, word))
            {
                score += 3;
            }
            else if (Contains(entry.Name, word))
            {
                score += 2;
            }
            else if (Contains(entry.Path.Value, word))
            {
                score += 1;
            }
            else
            {
                return -1;
            }
        }

        return score;
    }

    private static bool Contains(string? text, string word) =>
        text is not null && text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
