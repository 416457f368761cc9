namespace ShareKit.Ftp;

/// <summary>NOOP: keeps the connection alive.</summary>
internal sealed class NoopCommand : FtpCommand
{
    public override string Verb => "NOOP";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin | FtpCommandFlags.KeepsRestart;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        session.ReplyAsync(200, "OK.", ct);
}
