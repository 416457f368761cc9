using System.Globalization;

namespace ShareKit.Ftp;

/// <summary>REST (RFC 3659 stream restart): the byte offset for the next RETR or STOR. REST+APPE is refused.</summary>
internal sealed class RestCommand : FtpCommand
{
    public override string Verb => "REST";

    public override string? Feature => "REST STREAM";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (!long.TryParse(argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            session.RestartOffset = 0;
            await session.ReplyAsync(501, "Syntax error: REST needs a byte offset (0 or more).", ct).ConfigureAwait(false);
            return;
        }

        session.RestartOffset = offset;
        await session.ReplyAsync(350, $"Restarting at {offset}. Send RETR or STOR.", ct).ConfigureAwait(false);
    }
}
