namespace ShareKit.Ftp;

/// <summary>SIZE (RFC 3659): a file's size in bytes.</summary>
internal sealed class SizeCommand : FtpCommand
{
    public override string Verb => "SIZE";

    public override string? Feature => "SIZE";

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

        await session.ReplyAsync(213, entry.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
    }
}
