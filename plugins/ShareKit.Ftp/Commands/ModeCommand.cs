namespace ShareKit.Ftp;

/// <summary>MODE S (stream), the only transfer mode.</summary>
internal sealed class ModeCommand : FtpCommand
{
    public override string Verb => "MODE";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        argument.Trim().ToUpperInvariant() switch
        {
            "S" => session.ReplyAsync(200, "Mode set to S.", ct),
            "B" or "C" or "Z" => session.ReplyAsync(504, "Only MODE S (stream) is supported.", ct),
            _ => session.ReplyAsync(501, "Syntax error: MODE S.", ct),
        };
}
