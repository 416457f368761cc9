namespace ShareKit.Ftp;

/// <summary>PROT P|C (RFC 4217): whether data connections use TLS.</summary>
internal sealed class ProtCommand : FtpCommand
{
    public override string Verb => "PROT";

    public override string? Feature => "PROT";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin | FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (!session.IsControlProtected || !session.ProtectionBufferSizeSet)
        {
            await session.ReplyAsync(503, "Send AUTH TLS and PBSZ 0 before PROT.", ct).ConfigureAwait(false);
            return;
        }

        switch (argument.Trim().ToUpperInvariant())
        {
            case "P":
                session.ProtectData = true;
                await session.ReplyAsync(200, "Data connections will be protected (TLS).", ct).ConfigureAwait(false);
                break;
            case "C" when session.Server.TlsRequiredForData:
                await session.ReplyAsync(534, "PROT C is refused: this server requires protected data connections.", ct).ConfigureAwait(false);
                break;
            case "C":
                session.ProtectData = false;
                await session.ReplyAsync(200, "Data connections will be clear.", ct).ConfigureAwait(false);
                break;
            case "S" or "E":
                await session.ReplyAsync(536, "Only PROT P and PROT C are supported.", ct).ConfigureAwait(false);
                break;
            default:
                await session.ReplyAsync(504, "Syntax error: PROT P or PROT C.", ct).ConfigureAwait(false);
                break;
        }
    }
}
