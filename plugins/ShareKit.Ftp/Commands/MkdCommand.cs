namespace ShareKit.Ftp;

/// <summary>MKD: creates a folder and answers with its path (257).</summary>
internal sealed class MkdCommand : FtpCommand
{
    public override string Verb => "MKD";

    public override IReadOnlyList<string> Aliases => ["XMKD"];

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveWritableOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } target)
        {
            return;
        }

        if (await session.StatAsync(target, ct).ConfigureAwait(false) is not null)
        {
            await session.ReplyAsync(550, $"{target.Virtual} exists already.", ct).ConfigureAwait(false);
            return;
        }

        await target.Mount!.Store.CreateDirectoryAsync(target.Path, ct).ConfigureAwait(false);
        await session.ReplyAsync(257, PwdCommand.Quote(target.Virtual) + " created.", ct).ConfigureAwait(false);
    }
}
