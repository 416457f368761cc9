namespace ShareKit.Ftp;

/// <summary>APPE: appends to a file (creating it if missing). REST before APPE is refused: the offset would be ambiguous.</summary>
internal sealed class AppeCommand : FtpCommand
{
    public override string Verb => "APPE";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var restart = session.RestartOffset;
        session.RestartOffset = 0;
        if (restart != 0)
        {
            await session.ReplyAsync(503, "REST cannot be used with APPE; send REST then STOR to resume an upload.", ct).ConfigureAwait(false);
            return;
        }

        if (await session.ResolveWritableOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } target)
        {
            return;
        }

        if (!target.Mount!.Store.Capabilities.HasFlag(Sdk.StoreCapabilities.Append))
        {
            await session.ReplyAsync(550, "This share cannot append to files.", ct).ConfigureAwait(false);
            return;
        }

        await UploadTransfer.StartAsync(session, target, Sdk.WriteMode.Append, 0, $"Ready to append to {target.Name}.", ct).ConfigureAwait(false);
    }
}
