using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>One entry of a folder listing as a login sees it.</summary>
internal sealed record ListedEntry(FileEntry Entry, string Name, string UniqueKey, bool Writable);
