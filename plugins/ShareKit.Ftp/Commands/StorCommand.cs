namespace ShareKit.Ftp;

/// <summary>STOR: uploads a file (replacing one that exists); after REST n it resumes a staged upload at byte n.</summary>
internal sealed class StorCommand : FtpCommand
{
    public override string Verb => "STOR";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var restart = session.RestartOffset;
        session.RestartOffset = 0;
        if (await session.ResolveWritableOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } target)
        {
            return;
        }

        await UploadTransfer.StartAsync(session, target, Sdk.WriteMode.Replace, restart, $"Ready to receive {target.Name}.", ct)
            .ConfigureAwait(false);
    }
}
