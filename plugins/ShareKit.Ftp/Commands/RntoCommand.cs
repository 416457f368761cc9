namespace ShareKit.Ftp;

/// <summary>RNTO: completes the rename started by RNFR (within one share; never over an existing entry).</summary>
internal sealed class RntoCommand : FtpCommand
{
    public override string Verb => "RNTO";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRename;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var pending = session.RenameFrom;
        session.RenameFrom = null;
        if (pending is not { } source)
        {
            await session.ReplyAsync(503, "Send RNFR first.", ct).ConfigureAwait(false);
            return;
        }

        if (await session.ResolveWritableOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } target)
        {
            return;
        }

        if (target.IsShareRoot || !ReferenceEquals(target.Mount, source.Mount))
        {
            await session.ReplyAsync(553, "Cannot rename to there: renames stay inside one share.", ct).ConfigureAwait(false);
            return;
        }

        if (await session.StatAsync(target, ct).ConfigureAwait(false) is not null)
        {
            await session.ReplyAsync(553, $"{target.Virtual} exists already.", ct).ConfigureAwait(false);
            return;
        }

        await target.Mount!.Store.MoveAsync(source.Path, target.Path, ct).ConfigureAwait(false);
        await session.ReplyAsync(250, $"Renamed to {target.Virtual}.", ct).ConfigureAwait(false);
    }
}
