namespace ShareKit.Ftp;

/// <summary>What <see cref="FtpLineReader"/> read: a command line, an over-long line, or the end of the connection.</summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="Text">The decoded line without CRLF or Telnet commands; empty unless <see cref="FtpLineKind.Line"/>.</param>
internal readonly record struct FtpLine(FtpLineKind Kind, string Text)
{
    public static FtpLine EndOfStream => new(FtpLineKind.EndOfStream, string.Empty);

    public static FtpLine TooLong => new(FtpLineKind.TooLong, string.Empty);

    public static FtpLine Flood => new(FtpLineKind.Flood, string.Empty);
}

/// <summary>The kinds of <see cref="FtpLine"/>.</summary>
internal enum FtpLineKind
{
    Line,
    TooLong,
    Flood,
    EndOfStream,
}
