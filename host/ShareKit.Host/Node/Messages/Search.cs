namespace ShareKit.Host.Node.Messages;

/// <summary>Library client → server: files whose title, author/artist or path contain every word.</summary>
/// <param name="Words">Space-separated words; empty matches every file (with <paramref name="Kind"/>: all of one kind).</param>
/// <param name="Offset">How many entries to skip (0 or more).</param>
/// <param name="Limit">The most entries to return (1 to <see cref="PeerProtocol.MaxLibraryPage"/>).</param>
/// <param name="Kind">Only entries of this kind (e.g. <c>audio</c>), or null for all.</param>
/// <param name="Share">The library share's name, or null for the server's library.</param>
public sealed record Search(string Words, int Offset, int Limit, string? Kind = null, string? Share = null) : Message;
