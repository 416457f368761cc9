namespace ShareKit.Ftp;

/// <summary>REIN: logs out and waits for a new USER, keeping the connection (and its TLS).</summary>
internal sealed class ReinCommand : FtpCommand
{
    public override string Verb => "REIN";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        await session.ResetAsync().ConfigureAwait(false);
        await session.ReplyAsync(220, "Logged out; ready for a new user.", ct).ConfigureAwait(false);
    }
}
