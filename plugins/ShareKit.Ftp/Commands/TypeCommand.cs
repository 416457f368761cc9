namespace ShareKit.Ftp;

/// <summary>TYPE A (ASCII) or I (image). Files travel byte for byte in both; only listings use CRLF.</summary>
internal sealed class TypeCommand : FtpCommand
{
    public override string Verb => "TYPE";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        switch (argument.Trim().ToUpperInvariant())
        {
            case "A" or "A N":
                session.Type = TransferType.Ascii;
                await session.ReplyAsync(200, "Type set to A.", ct).ConfigureAwait(false);
                break;
            case "I" or "L 8":
                session.Type = TransferType.Binary;
                await session.ReplyAsync(200, "Type set to I.", ct).ConfigureAwait(false);
                break;
            case "E" or "E N" or "A T" or "A C" or "E T" or "E C":
                await session.ReplyAsync(504, "Only TYPE A and TYPE I are supported.", ct).ConfigureAwait(false);
                break;
            default:
                await session.ReplyAsync(501, "Syntax error: TYPE A or TYPE I.", ct).ConfigureAwait(false);
                break;
        }
    }
}
