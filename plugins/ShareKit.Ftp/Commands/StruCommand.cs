namespace ShareKit.Ftp;

/// <summary>STRU F (file), the only structure.</summary>
internal sealed class StruCommand : FtpCommand
{
    public override string Verb => "STRU";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        argument.Trim().ToUpperInvariant() switch
        {
            "F" => session.ReplyAsync(200, "Structure set to F.", ct),
            "R" or "P" => session.ReplyAsync(504, "Only STRU F (file) is supported.", ct),
            _ => session.ReplyAsync(501, "Syntax error: STRU F.", ct),
        };
}
