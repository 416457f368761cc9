namespace ShareKit.Ftp;

/// <summary>CDUP: up one folder (stays at <c>/</c> at the top).</summary>
internal sealed class CdupCommand : FtpCommand
{
    public override string Verb => "CDUP";

    public override IReadOnlyList<string> Aliases => ["XCUP"];

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        CwdCommand.ChangeAsync(session, "..", ct);
}
