namespace ShareKit.Ftp;

/// <summary>
/// PASS: completes the login. Each failure is answered after a delay that doubles per failure from the same address;
/// too many on one connection close it, too many from one address refuse that address for a while.
/// </summary>
internal sealed class PassCommand : FtpCommand
{
    public override string Verb => "PASS";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (session.State == FtpSessionState.LoggedIn)
        {
            await session.ReplyAsync(230, "Already logged in.", ct).ConfigureAwait(false);
            return;
        }

        if (session.State != FtpSessionState.AwaitingPassword || session.PendingUser is not { } user)
        {
            await session.ReplyAsync(503, "Send USER first.", ct).ConfigureAwait(false);
            return;
        }

        session.PendingUser = null;
        session.State = FtpSessionState.AwaitingUser;
        var throttle = session.Server.Throttle;
        if (throttle.IsBlocked(session.ClientAddress))
        {
            await session.ReplyAsync(421, "Too many failed logins from your address; try again later.", ct).ConfigureAwait(false);
            session.Close();
            return;
        }

        var (fileSystem, writable) = Authenticate(session.Server, user, argument);
        if (fileSystem is not null)
        {
            throttle.RecordSuccess(session.ClientAddress);
            session.FileSystem = fileSystem;
            session.UserName = user;
            session.Cwd = "/";
            session.State = FtpSessionState.LoggedIn;
            FtpLog.LoggedIn(session.Server.Logger, user, session.ClientAddress);
            await session.ReplyAsync(230, writable ? "Logged in; you may read and write." : "Logged in; read-only access.", ct)
                .ConfigureAwait(false);
            return;
        }

        session.FailedLogins++;
        var delay = throttle.RecordFailure(session.ClientAddress);
        FtpLog.LoginFailed(session.Server.Logger, user, session.ClientAddress, session.FailedLogins);
        await Task.Delay(delay, ct).ConfigureAwait(false);
        if (throttle.IsBlocked(session.ClientAddress))
        {
            var minutes = Math.Ceiling(session.Server.Options.FailedLoginWindow.TotalMinutes);
            await session.ReplyAsync(421, $"Login incorrect. Too many failed logins from your address; try again in {minutes} minutes.", ct)
                .ConfigureAwait(false);
            session.Close();
        }
        else if (session.FailedLogins >= session.Server.Options.MaxLoginAttempts)
        {
            await session.ReplyAsync(421, "Login incorrect. Too many failed logins on this connection; closing.", ct).ConfigureAwait(false);
            session.Close();
        }
        else
        {
            await session.ReplyAsync(530, "Login incorrect.", ct).ConfigureAwait(false);
        }
    }

    private static (FtpFileSystem? FileSystem, bool Writable) Authenticate(FtpServerContext server, string user, string password)
    {
        if (AnonymousLogin.IsAnonymous(user))
        {
            return (server.AnonymousFileSystem(), false);
        }

        if (server.FindUser(user) is not { } named)
        {
            if (server.DecoyHash is { } decoy)
            {
                FtpPasswordHasher.Verify(password, decoy);
            }

            return (null, false);
        }

        if (!FtpPasswordHasher.Verify(password, named.Options.PasswordHash))
        {
            return (null, false);
        }

        var fileSystem = named.FileSystem();
        return (fileSystem, fileSystem.Mounts[0].Writable);
    }
}
