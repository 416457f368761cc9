namespace ShareKit.Ftp;

/// <summary>QUIT: says goodbye and closes the control connection.</summary>
internal sealed class QuitCommand : FtpCommand
{
    public override string Verb => "QUIT";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        await session.ReplyAsync(221, "Goodbye.", ct).ConfigureAwait(false);
        session.Close();
    }
}
