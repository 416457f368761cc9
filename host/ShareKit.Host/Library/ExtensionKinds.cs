using System.Collections.Frozen;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>The kind a file name's extension suggests; the first guess, refined by <see cref="ContentSniffer"/>.</summary>
internal static class ExtensionKinds
{
    private static readonly FrozenDictionary<string, MediaKind> Kinds = Build();

    public static MediaKind Of(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        if (dot <= 0 || dot == fileName.Length - 1)
        {
            return MediaKind.Other;
        }

        return Kinds.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(fileName.AsSpan(dot + 1), out var kind) ? kind : MediaKind.Other;
    }

    private static FrozenDictionary<string, MediaKind> Build()
    {
        var map = new Dictionary<string, MediaKind>(StringComparer.OrdinalIgnoreCase);
        Add(map, MediaKind.Ebook, "epub", "mobi", "azw", "azw3", "kf8", "fb2", "djvu", "djv", "cbz", "cbr", "cb7", "lit", "ibooks");
        Add(map, MediaKind.Audio, "mp3", "ogg", "oga", "opus", "flac", "m4a", "m4b", "aac", "wav", "wma", "aiff", "aif", "ape", "wv", "mka", "weba", "mid", "midi");
        Add(map, MediaKind.Video, "mp4", "m4v", "mkv", "webm", "avi", "mov", "wmv", "mpg", "mpeg", "ogv", "ts", "m2ts", "3gp", "flv");
        Add(map, MediaKind.Image, "png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff", "heic", "avif", "ico");
        Add(map, MediaKind.Document, "pdf", "txt", "md", "rtf", "doc", "docx", "odt", "ods", "odp", "xls", "xlsx", "ppt", "pptx", "html", "htm", "csv", "tex", "ps");
        Add(map, MediaKind.Archive, "zip", "tar", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "iso", "lz", "lzma");
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, MediaKind> map, MediaKind kind, params string[] extensions)
    {
        foreach (var extension in extensions)
        {
            map[extension] = kind;
        }
    }
}
