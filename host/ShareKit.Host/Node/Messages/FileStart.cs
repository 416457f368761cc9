namespace ShareKit.Host.Node.Messages;

/// <summary>
/// Library server → client: exactly <c>Size - Offset</c> raw content bytes follow this frame, then a
/// <see cref="FileEnd"/> frame.
/// </summary>
/// <param name="Size">The file's whole length.</param>
/// <param name="Offset">Where the bytes that follow start (the Fetch offset).</param>
/// <param name="Mtime">The file's modification time (UTC).</param>
public sealed record FileStart(long Size, long Offset, DateTimeOffset Mtime) : Message;
