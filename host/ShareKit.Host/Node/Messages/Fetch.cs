namespace ShareKit.Host.Node.Messages;

/// <summary>Library client → server: a file's content from <paramref name="Offset"/> on (answered by <see cref="FileStart"/>).</summary>
/// <param name="Path">The file (StorePath rules).</param>
/// <param name="Offset">The first byte wanted: the length the client already holds, for a resume.</param>
/// <param name="Share">The library share's name, or null for the server's library.</param>
public sealed record Fetch(string Path, long Offset, string? Share = null) : Message;
