namespace ShareKit.Ftp;

/// <summary>PWD: the current folder, quoted (embedded quotes doubled, RFC 959).</summary>
internal sealed class PwdCommand : FtpCommand
{
    public override string Verb => "PWD";

    public override IReadOnlyList<string> Aliases => ["XPWD"];

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        session.ReplyAsync(257, Quote(session.Cwd) + " is the current folder.", ct);

    public static string Quote(string path) => "\"" + path.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
