namespace ShareKit.Ftp;

/// <summary>RMD: removes an empty folder.</summary>
internal sealed class RmdCommand : FtpCommand
{
    public override string Verb => "RMD";

    public override IReadOnlyList<string> Aliases => ["XRMD"];

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveWritableOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } target)
        {
            return;
        }

        if (target.IsShareRoot)
        {
            await session.ReplyAsync(550, "The top folder of a share cannot be removed.", ct).ConfigureAwait(false);
            return;
        }

        var entry = await session.StatAsync(target, ct).ConfigureAwait(false);
        if (entry is not { IsDirectory: true })
        {
            await session.ReplyAsync(550, $"{target.Virtual}: no such folder.", ct).ConfigureAwait(false);
            return;
        }

        await target.Mount!.Store.DeleteAsync(target.Path, ct).ConfigureAwait(false);
        await session.ReplyAsync(250, $"{target.Virtual} removed.", ct).ConfigureAwait(false);
    }
}
