namespace ShareKit.Sdk;

/// <summary>One file or folder in a store.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="IsDirectory">True for a folder.</param>
/// <param name="Length">Size in bytes; 0 for folders.</param>
/// <param name="LastModified">Last modification time.</param>
public sealed record FileEntry(StorePath Path, bool IsDirectory, long Length, DateTimeOffset LastModified)
{
    /// <summary>The entry's own name (the last segment of <see cref="Path"/>).</summary>
    public string Name => Path.Name;
}
