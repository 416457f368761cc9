using System.Text;

namespace ShareKit.Ftp;

/// <summary>Sends a listing built in memory over a data connection: the step LIST, NLST and MLSD share.</summary>
internal static class ListingTransfer
{
    public static async ValueTask StartAsync(FtpSession session, string description, string listing, CancellationToken ct)
    {
        if (await session.TakeDataChannelAsync(ct).ConfigureAwait(false) is not { } channel)
        {
            return;
        }

        await session.ReplyAsync(150, "Here comes the listing.", ct).ConfigureAwait(false);
        var bytes = Encoding.UTF8.GetBytes(listing);
        session.StartTransfer(description, async (transfer, token) =>
        {
            var data = await session.OpenDataAsync(channel, token).ConfigureAwait(false);
            await using (data.ConfigureAwait(false))
            {
                await data.Stream.WriteAsync(bytes, token).ConfigureAwait(false);
                transfer.AddBytes(bytes.Length);
                await data.CloseAsync().ConfigureAwait(false);
            }

            return new FtpReply(226, "Listing sent.");
        });
    }

    /// <summary>Resolves the folder (or file) to list; replies 550 and returns null when there is nothing.</summary>
    public static async ValueTask<(ResolvedPath Path, Sdk.FileEntry Entry)?> FindAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } path)
        {
            return null;
        }

        var entry = await session.StatAsync(path, ct).ConfigureAwait(false);
        if (entry is null)
        {
            await session.ReplyAsync(550, $"{path.Virtual}: no such file or folder.", ct).ConfigureAwait(false);
            return null;
        }

        return (path, entry);
    }
}
