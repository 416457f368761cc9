namespace ShareKit.Sdk;

/// <summary>One file or folder of a library catalog: the store's facts plus what the catalog learned about it.</summary>
/// <param name="File">The entry as the store reports it (path, size, modification time).</param>
/// <param name="Kind">What the entry is, from its extension and its first bytes.</param>
/// <param name="Title">The title from the file's own metadata (EPUB, audio/video tags), or null when it has none.</param>
/// <param name="Author">The author or artist from the file's own metadata, or null when it has none.</param>
/// <param name="ContentHash">
/// The SHA-256 of the content as 64 lowercase hex digits, or null while the catalog has not hashed the file yet
/// (hashing runs in the background) and always for folders.
/// </param>
public sealed record CatalogEntry(FileEntry File, MediaKind Kind, string? Title, string? Author, string? ContentHash)
{
    /// <summary>Where the entry is in the share.</summary>
    public StorePath Path => File.Path;

    /// <summary>The entry's file or folder name.</summary>
    public string Name => File.Name;

    /// <summary>True for a folder.</summary>
    public bool IsDirectory => File.IsDirectory;

    /// <summary>The title if the file has one, else its name: what to show people.</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? File.Name : Title;
}
