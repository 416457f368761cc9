namespace ShareKit.Ftp;

/// <summary>PBSZ 0 (RFC 4217): required before PROT; TLS has no buffer size.</summary>
internal sealed class PbszCommand : FtpCommand
{
    public override string Verb => "PBSZ";

    public override string? Feature => "PBSZ";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin | FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (!session.IsControlProtected)
        {
            await session.ReplyAsync(503, "PBSZ needs a TLS control connection (AUTH TLS first).", ct).ConfigureAwait(false);
            return;
        }

        if (!uint.TryParse(argument.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            await session.ReplyAsync(501, "Syntax error: PBSZ 0.", ct).ConfigureAwait(false);
            return;
        }

        session.ProtectionBufferSizeSet = true;
        await session.ReplyAsync(200, "PBSZ=0", ct).ConfigureAwait(false);
    }
}
