namespace ShareKit.Ftp;

/// <summary>RNFR: names what to rename; the next command must be RNTO.</summary>
internal sealed class RnfrCommand : FtpCommand
{
    public override string Verb => "RNFR";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveWritableOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } source)
        {
            return;
        }

        if (source.IsShareRoot || await session.StatAsync(source, ct).ConfigureAwait(false) is null)
        {
            await session.ReplyAsync(550, $"{source.Virtual}: nothing to rename there.", ct).ConfigureAwait(false);
            return;
        }

        session.RenameFrom = source;
        await session.ReplyAsync(350, "Ready for RNTO.", ct).ConfigureAwait(false);
    }
}
