namespace ShareKit.Ftp;

/// <summary>MDTM (RFC 3659): a file's modification time, UTC, YYYYMMDDHHMMSS.</summary>
internal sealed class MdtmCommand : FtpCommand
{
    public override string Verb => "MDTM";

    public override string? Feature => "MDTM";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } path)
        {
            return;
        }

        var entry = await session.StatAsync(path, ct).ConfigureAwait(false);
        if (entry is null || entry.IsDirectory)
        {
            await session.ReplyAsync(550, $"{path.Virtual}: not a file.", ct).ConfigureAwait(false);
            return;
        }

        await session.ReplyAsync(213, MlsxFormatter.FormatTime(entry.LastModified), ct).ConfigureAwait(false);
    }
}
