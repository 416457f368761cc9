namespace ShareKit.Ftp;

/// <summary>HOST (RFC 7151): accepted before login; this server has one virtual host.</summary>
internal sealed class HostCommand : FtpCommand
{
    public override string Verb => "HOST";

    public override string? Feature => "HOST";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin | FtpCommandFlags.NeedsArgument;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        session.State == FtpSessionState.AwaitingUser
            ? session.ReplyAsync(220, "Host accepted.", ct)
            : session.ReplyAsync(503, "HOST must come before USER.", ct);
}
