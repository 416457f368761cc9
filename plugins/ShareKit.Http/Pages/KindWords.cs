using ShareKit.Sdk;

namespace ShareKit.Http.Pages;

/// <summary>The words for media kinds in URLs, JSON and pages (<c>ebook</c>, <c>audio</c>, …).</summary>
internal static class KindWords
{
    public static readonly MediaKind[] Filterable =
        [MediaKind.Ebook, MediaKind.Audio, MediaKind.Video, MediaKind.Image, MediaKind.Document, MediaKind.Archive, MediaKind.Other];

    public static string Of(MediaKind kind) => kind switch
    {
        MediaKind.Folder => "folder",
        MediaKind.Ebook => "ebook",
        MediaKind.Audio => "audio",
        MediaKind.Video => "video",
        MediaKind.Image => "image",
        MediaKind.Document => "document",
        MediaKind.Archive => "archive",
        _ => "other",
    };

    /// <summary>Parses a kind word; empty or missing means any kind.</summary>
    public static bool TryParse(string? text, out MediaKind? kind)
    {
        kind = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<MediaKind>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        return false;
    }
}
