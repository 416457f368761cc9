using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>What the catalog holds for one path: the public entry, and whether the file's content was examined yet.</summary>
/// <param name="Entry">The entry as callers see it.</param>
/// <param name="Examined">True once kind sniffing and metadata reading ran on the current version of the file.</param>
internal sealed record CatalogRecord(CatalogEntry Entry, bool Examined)
{
    /// <summary>True when <paramref name="file"/> is the same version of the file (same type, size and modification time).</summary>
    public bool IsSameVersion(FileEntry file) =>
        Entry.File.IsDirectory == file.IsDirectory
        && Entry.File.Length == file.Length
        && Entry.File.LastModified.UtcTicks == file.LastModified.UtcTicks;
}
