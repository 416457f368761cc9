namespace ShareKit.Ftp;

/// <summary>DELE: deletes a file.</summary>
internal sealed class DeleCommand : FtpCommand
{
    public override string Verb => "DELE";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveWritableOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } target)
        {
            return;
        }

        var entry = await session.StatAsync(target, ct).ConfigureAwait(false);
        if (entry is null || entry.IsDirectory)
        {
            await session.ReplyAsync(550, entry is null ? $"{target.Virtual}: no such file." : $"{target.Virtual} is a folder; use RMD.", ct)
                .ConfigureAwait(false);
            return;
        }

        await target.Mount!.Store.DeleteAsync(target.Path, ct).ConfigureAwait(false);
        await session.ReplyAsync(250, $"{target.Virtual} deleted.", ct).ConfigureAwait(false);
    }
}
