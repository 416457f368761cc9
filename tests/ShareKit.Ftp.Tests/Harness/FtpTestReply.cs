namespace ShareKit.Ftp.Tests;

/// <summary>A reply as read from the control connection: its code, last line's text, and every line.</summary>
internal sealed record FtpTestReply(int Code, string Text, IReadOnlyList<string> Lines)
{
    public override string ToString() => string.Join("\n", Lines);
}
