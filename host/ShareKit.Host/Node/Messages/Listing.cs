namespace ShareKit.Host.Node.Messages;

/// <summary>Library server → client: the answer to <see cref="Browse"/> or <see cref="Search"/>.</summary>
/// <param name="Entries">This page's entries.</param>
/// <param name="Total">How many entries the whole listing or search has, across all pages.</param>
public sealed record Listing(IReadOnlyList<LibraryEntry> Entries, int Total) : Message;
