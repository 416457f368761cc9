namespace ShareKit.Ftp;

/// <summary>USER: names who logs in (<c>anonymous</c>/<c>ftp</c> for the public shares).</summary>
internal sealed class UserCommand : FtpCommand
{
    public override string Verb => "USER";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin | FtpCommandFlags.NeedsArgument;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (session.State == FtpSessionState.LoggedIn)
        {
            await session.ReplyAsync(503, "Already logged in; send REIN to log in as someone else.", ct).ConfigureAwait(false);
            return;
        }

        if (session.Server.TlsRequiredForLogin && !session.IsControlProtected)
        {
            await session.ReplyAsync(530, "This server requires TLS: connect with explicit FTPS (AUTH TLS) before logging in.", ct)
                .ConfigureAwait(false);
            return;
        }

        if (session.Server.Throttle.IsBlocked(session.ClientAddress))
        {
            await session.ReplyAsync(421, "Too many failed logins from your address; try again later.", ct).ConfigureAwait(false);
            session.Close();
            return;
        }

        session.PendingUser = argument;
        session.State = FtpSessionState.AwaitingPassword;
        var text = AnonymousLogin.IsAnonymous(argument)
            ? "Anonymous login: send any password (e.g. your e-mail address)."
            : $"Password required for {argument}.";
        await session.ReplyAsync(331, text, ct).ConfigureAwait(false);
    }
}
