namespace ShareKit.Ftp;

/// <summary>HELP: the commands this server knows.</summary>
internal sealed class HelpCommand : FtpCommand
{
    public override string Verb => "HELP";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin;

    public override ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (argument.Length > 0)
        {
            var known = session.Server.Commands.Find(argument.Trim().ToUpperInvariant()) is not null;
            return session.ReplyAsync(
                known ? 214 : 502,
                known ? $"{argument.Trim().ToUpperInvariant()} is supported; see RFC 959 and docs/ftp.md." : "Unknown command.",
                ct);
        }

        var verbs = session.Server.Commands.Verbs;
        var rows = verbs.Chunk(8).Select(row => string.Join(' ', row.Select(v => v.PadRight(5))));
        return session.ReplyMultilineAsync(214, "The following commands are recognized:", rows, "Help OK.", ct);
    }
}
