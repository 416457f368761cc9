using System.Text;

namespace ShareKit.Ftp;

/// <summary>LIST: an <c>ls -l</c> style listing of a folder (or one file) on the data connection.</summary>
internal sealed class ListCommand : FtpCommand
{
    public override string Verb => "LIST";

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await ListingTransfer.FindAsync(session, StripOptions(argument), ct).ConfigureAwait(false) is not var (path, entry))
        {
            return;
        }

        var text = new StringBuilder();
        var now = DateTimeOffset.UtcNow;
        var entries = entry.IsDirectory ? await session.ListAsync(path, ct).ConfigureAwait(false) : [SessionFiles.Describe(path, entry, path.Name)];
        foreach (var listed in entries)
        {
            ListFormatter.Append(text, listed.Entry, listed.Name, listed.Writable, now);
        }

        await ListingTransfer.StartAsync(session, "LIST " + path.Virtual, text.ToString(), ct).ConfigureAwait(false);
    }

    /// <summary>Drops the <c>ls</c> options clients put before the path (<c>LIST -la dir</c>).</summary>
    public static string StripOptions(string argument)
    {
        var rest = argument;
        while (rest.StartsWith('-'))
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            rest = space < 0 ? string.Empty : rest[(space + 1)..].TrimStart(' ');
        }

        return rest;
    }
}
