using System.Text;

namespace ShareKit.Ftp;

/// <summary>MLSD (RFC 3659): a folder's entries with machine-readable facts, on the data connection.</summary>
internal sealed class MlsdCommand : FtpCommand
{
    public override string Verb => "MLSD";

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await ListingTransfer.FindAsync(session, argument, ct).ConfigureAwait(false) is not var (path, entry))
        {
            return;
        }

        if (!entry.IsDirectory)
        {
            await session.ReplyAsync(501, $"{path.Virtual} is not a folder; use MLST for a file.", ct).ConfigureAwait(false);
            return;
        }

        var text = new StringBuilder();
        foreach (var listed in await session.ListAsync(path, ct).ConfigureAwait(false))
        {
            MlsxFormatter.Append(text, listed.Entry, listed.Name, listed.UniqueKey, listed.Writable, session.MlstFacts);
            text.Append("\r\n");
        }

        await ListingTransfer.StartAsync(session, "MLSD " + path.Virtual, text.ToString(), ct).ConfigureAwait(false);
    }
}
