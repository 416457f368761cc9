using System.Text;

namespace ShareKit.Ftp;

/// <summary>NLST: the names in a folder, one per line, on the data connection.</summary>
internal sealed class NlstCommand : FtpCommand
{
    public override string Verb => "NLST";

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await ListingTransfer.FindAsync(session, ListCommand.StripOptions(argument), ct).ConfigureAwait(false) is not var (path, entry))
        {
            return;
        }

        var text = new StringBuilder();
        if (entry.IsDirectory)
        {
            foreach (var listed in await session.ListAsync(path, ct).ConfigureAwait(false))
            {
                text.Append(listed.Name).Append("\r\n");
            }
        }
        else
        {
            text.Append(path.Name).Append("\r\n");
        }

        await ListingTransfer.StartAsync(session, "NLST " + path.Virtual, text.ToString(), ct).ConfigureAwait(false);
    }
}
