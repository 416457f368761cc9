namespace ShareKit.Http.Api;

/// <summary>One catalog entry in the JSON API.</summary>
/// <param name="Path">The path in the library, with a leading slash.</param>
/// <param name="Name">The file or folder name.</param>
/// <param name="Kind">folder, ebook, audio, video, image, document, archive or other.</param>
/// <param name="Title">The title from the file's metadata, or null.</param>
/// <param name="Author">The author or artist from the file's metadata, or null.</param>
/// <param name="Size">Bytes; 0 for folders.</param>
/// <param name="Modified">Last modification time (UTC, ISO 8601).</param>
/// <param name="Sha256">The content's SHA-256 in hex, or null while not computed yet (and for folders).</param>
/// <param name="Url">The entry's listing (folders) or its download (files).</param>
internal sealed record ApiEntry(
    string Path,
    string Name,
    string Kind,
    string? Title,
    string? Author,
    long Size,
    DateTimeOffset Modified,
    string? Sha256,
    string Url);
