namespace ShareKit.Ftp;

/// <summary>FEAT (RFC 2389): the extensions the commands declare; the TLS ones only when TLS is on.</summary>
internal sealed class FeatCommand : FtpCommand
{
    private static readonly string[] TlsFeatures = ["AUTH TLS", "PBSZ", "PROT"];

    public override string Verb => "FEAT";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var tlsOn = session.Server.Certificate is not null;
        var lines = session.Server.Commands.Features.Where(f => tlsOn || !TlsFeatures.Contains(f));
        return session.ReplyMultilineAsync(211, "Features:", lines, "End", ct);
    }
}
