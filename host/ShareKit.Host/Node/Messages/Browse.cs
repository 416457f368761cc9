namespace ShareKit.Host.Node.Messages;

/// <summary>Library client → server: one page of a folder listing of the library.</summary>
/// <param name="Path">The folder, relative and <c>/</c>-separated (StorePath rules); empty for the top.</param>
/// <param name="Offset">How many entries to skip (0 or more).</param>
/// <param name="Limit">The most entries to return (1 to <see cref="PeerProtocol.MaxLibraryPage"/>).</param>
/// <param name="Share">The library share's name, or null for the server's library.</param>
/// <param name="Kind">Only entries of this kind (e.g. <c>ebook</c>), or null for all.</param>
public sealed record Browse(string Path, int Offset, int Limit, string? Share = null, string? Kind = null) : Message;
