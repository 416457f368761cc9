namespace ShareKit.Host.Node.Messages;

/// <summary>One file or folder of a <see cref="Listing"/>, with what the server's catalog knows about it.</summary>
/// <param name="Path">Where it is in the library (StorePath rules); pass it to <see cref="Fetch"/> or <see cref="Browse"/>.</param>
/// <param name="Name">Its file or folder name.</param>
/// <param name="IsDirectory">True for a folder.</param>
/// <param name="Size">Length in bytes (0 for folders).</param>
/// <param name="Mtime">Last modification time (UTC).</param>
/// <param name="Kind">folder, ebook, audio, video, image, document, archive or other.</param>
/// <param name="Title">The title from the file's metadata, or null.</param>
/// <param name="Author">The author or artist from the file's metadata, or null.</param>
/// <param name="Sha256">The catalog's SHA-256 of the content (64 hex digits), or null while not hashed yet.</param>
public sealed record LibraryEntry(
    string Path,
    string Name,
    bool IsDirectory,
    long Size,
    DateTimeOffset Mtime,
    string Kind,
    string? Title = null,
    string? Author = null,
    string? Sha256 = null);
