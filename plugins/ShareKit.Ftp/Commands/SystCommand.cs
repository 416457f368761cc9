namespace ShareKit.Ftp;

/// <summary>SYST: the answer clients expect for ls-style listings.</summary>
internal sealed class SystCommand : FtpCommand
{
    public override string Verb => "SYST";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        session.ReplyAsync(215, "UNIX Type: L8", ct);
}
