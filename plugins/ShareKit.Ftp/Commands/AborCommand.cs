namespace ShareKit.Ftp;

/// <summary>ABOR: stops a running transfer (426 for the transfer, then 226), or drops a prepared data channel (225).</summary>
internal sealed class AborCommand : FtpCommand
{
    public override string Verb => "ABOR";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (session.ActiveTransfer is { } transfer)
        {
            transfer.Abort();
            await transfer.Completion.ConfigureAwait(false);
            await session.ReplyAsync(226, "ABOR command successful.", ct).ConfigureAwait(false);
            return;
        }

        await session.SetDataChannelAsync(null).ConfigureAwait(false);
        await session.ReplyAsync(225, "No transfer to abort.", ct).ConfigureAwait(false);
    }
}
