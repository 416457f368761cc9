namespace ShareKit.Sdk;

/// <summary>What a catalog entry is, judged from its name and its first bytes.</summary>
public enum MediaKind
{
    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A book: EPUB, MOBI, AZW, FB2, DjVu, comic archives.</summary>
    Ebook,

    /// <summary>Music and other sound: MP3, OGG, FLAC, M4A, WAV, Opus.</summary>
    Audio,

    /// <summary>Films and clips: MP4, MKV, WebM, AVI, MOV.</summary>
    Video,

    /// <summary>Pictures: PNG, JPEG, GIF, WebP, SVG.</summary>
    Image,

    /// <summary>Documents: PDF, office files, plain text, HTML.</summary>
    Document,

    /// <summary>Archives: ZIP, tar, 7z, RAR, gzip.</summary>
    Archive,

    /// <summary>Anything else.</summary>
    Other,
}
