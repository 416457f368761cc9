namespace ShareKit.Ftp;

/// <summary>OPTS UTF8 ON (names are always UTF-8) and OPTS MLST (choose the MLSx facts).</summary>
internal sealed class OptsCommand : FtpCommand
{
    public override string Verb => "OPTS";

    public override string? Feature => "UTF8";

    public override FtpCommandFlags Flags => FtpCommandFlags.BeforeLogin | FtpCommandFlags.NeedsArgument;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var space = argument.IndexOf(' ', StringComparison.Ordinal);
        var option = (space < 0 ? argument : argument[..space]).ToUpperInvariant();
        var value = space < 0 ? string.Empty : argument[(space + 1)..].Trim();
        switch (option)
        {
            case "UTF8" or "UTF-8":
                if (value.Length == 0 || value.Equals("ON", StringComparison.OrdinalIgnoreCase))
                {
                    await session.ReplyAsync(200, "UTF-8 is always on.", ct).ConfigureAwait(false);
                }
                else
                {
                    await session.ReplyAsync(504, "UTF-8 cannot be turned off.", ct).ConfigureAwait(false);
                }

                break;
            case "MLST":
                var chosen = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(MlsxFormatter.AllFacts.Contains)
                    .Select(f => f.ToLowerInvariant())
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
                session.MlstFacts = chosen;
                await session.ReplyAsync(200, "MLST OPTS " + string.Concat(chosen.Order(StringComparer.Ordinal).Select(f => f + ";")), ct)
                    .ConfigureAwait(false);
                break;
            default:
                await session.ReplyAsync(501, $"Unknown option {option}; OPTS UTF8 ON and OPTS MLST are supported.", ct).ConfigureAwait(false);
                break;
        }
    }
}
