namespace ShareKit.Host.Node.Messages;

/// <summary>One file or folder in an <see cref="Offer"/>; its index is its position in the whole offer.</summary>
/// <param name="Path">Relative, <c>/</c>-separated path (StorePath rules).</param>
/// <param name="Kind">File or folder.</param>
/// <param name="Size">Length in bytes (0 for folders).</param>
/// <param name="Mtime">Last modification time (UTC).</param>
public sealed record OfferedItem(string Path, ItemKind Kind, long Size, DateTimeOffset Mtime);
