using System.Globalization;
using System.Text;

namespace ShareKit.Ftp;

/// <summary>STAT: the session's status (or a transfer's progress); STAT path lists on the control connection.</summary>
internal sealed class StatCommand : FtpCommand
{
    public override string Verb => "STAT";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (session.ActiveTransfer is { } transfer)
        {
            await session.ReplyAsync(213, string.Create(CultureInfo.InvariantCulture, $"{transfer.Description}: {transfer.Bytes} bytes so far."), ct)
                .ConfigureAwait(false);
            return;
        }

        if (argument.Length == 0)
        {
            string[] status =
            [
                $"Connected from {session.ClientAddress}",
                session.State == FtpSessionState.LoggedIn ? $"Logged in as {session.UserName}" : "Not logged in",
                $"TYPE: {(session.Type == TransferType.Binary ? "I" : "A")}, MODE: S, STRU: F",
                $"Control connection: {(session.IsControlProtected ? "TLS" : "plain")}; data connections: {(session.ProtectData ? "TLS" : "plain")}",
            ];
            await session.ReplyMultilineAsync(211, "ShareKit FTP server status:", status, "End of status.", ct).ConfigureAwait(false);
            return;
        }

        if (session.State != FtpSessionState.LoggedIn)
        {
            await session.ReplyAsync(530, "Please log in with USER and PASS first.", ct).ConfigureAwait(false);
            return;
        }

        if (await session.ResolveOrReplyAsync(ListCommand.StripOptions(argument), ct).ConfigureAwait(false) is not { } path)
        {
            return;
        }

        var entry = await session.StatAsync(path, ct).ConfigureAwait(false);
        if (entry is null)
        {
            await session.ReplyAsync(550, $"{path.Virtual}: no such file or folder.", ct).ConfigureAwait(false);
            return;
        }

        var text = new StringBuilder();
        var entries = entry.IsDirectory ? await session.ListAsync(path, ct).ConfigureAwait(false) : [SessionFiles.Describe(path, entry, path.Name)];
        var now = DateTimeOffset.UtcNow;
        foreach (var listed in entries)
        {
            ListFormatter.Append(text, listed.Entry, listed.Name, listed.Writable, now);
        }

        var lines = text.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        await session.ReplyMultilineAsync(213, "Status of " + path.Virtual + ":", lines, "End of status.", ct).ConfigureAwait(false);
    }
}
