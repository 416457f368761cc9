namespace ShareKit.Ftp;

/// <summary>AUTH TLS (RFC 4217): upgrades the control connection to TLS.</summary>
internal sealed class AuthCommand : FtpCommand
{
    public override string Verb => "AUTH";

    public override string? Feature => "AUTH TLS";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin | FtpCommandFlags.NeedsArgument;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var mechanism = argument.Trim().ToUpperInvariant();
        if (session.Server.Certificate is not { } certificate)
        {
            await session.ReplyAsync(502, "TLS is turned off on this server.", ct).ConfigureAwait(false);
            return;
        }

        if (mechanism is not ("TLS" or "TLS-C" or "SSL"))
        {
            await session.ReplyAsync(504, "Only AUTH TLS is supported.", ct).ConfigureAwait(false);
            return;
        }

        if (session.IsControlProtected)
        {
            await session.ReplyAsync(503, "The control connection already uses TLS.", ct).ConfigureAwait(false);
            return;
        }

        await session.ReplyAsync(234, "Proceed with TLS negotiation.", ct).ConfigureAwait(false);
        await session.UpgradeToTlsAsync(certificate, ct).ConfigureAwait(false);
    }
}
