namespace ShareKit.Ftp;

/// <summary>CWD: changes the current folder (never above <c>/</c>).</summary>
internal sealed class CwdCommand : FtpCommand
{
    public override string Verb => "CWD";

    public override IReadOnlyList<string> Aliases => ["XCWD"];

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct) =>
        ChangeAsync(session, argument, ct);

    public static async ValueTask ChangeAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } folder)
        {
            return;
        }

        var entry = await session.StatAsync(folder, ct).ConfigureAwait(false);
        if (entry is not { IsDirectory: true })
        {
            await session.ReplyAsync(550, $"{folder.Virtual}: no such folder.", ct).ConfigureAwait(false);
            return;
        }

        session.Cwd = folder.Virtual;
        await session.ReplyAsync(250, $"Folder changed to {folder.Virtual}.", ct).ConfigureAwait(false);
    }
}
