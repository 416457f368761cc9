namespace ShareKit.Host.Node.Messages;

/// <summary>Library server → client: the BLAKE3-256 of the whole file (bytes 0 to Size, not only those sent), 64 hex digits.</summary>
public sealed record FileEnd(string Blake3) : Message;
