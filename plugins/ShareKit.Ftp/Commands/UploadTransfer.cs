using System.Globalization;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>
/// The upload path STOR, APPE and STOU share: a staged write that stays invisible until the data connection ended
/// cleanly and the control connection is still there, then an atomic commit. A broken or aborted upload keeps its
/// staged bytes, so <c>REST n</c> + STOR resumes it.
/// </summary>
internal static class UploadTransfer
{
    public static async ValueTask StartAsync(
        FtpSession session, ResolvedPath target, WriteMode mode, long restart, string announcement, CancellationToken ct)
    {
        if (target.Mount is not { } mount || target.Path.IsRoot)
        {
            await session.ReplyAsync(553, $"{target.Virtual} is a folder, not a file name.", ct).ConfigureAwait(false);
            return;
        }

        var existing = await mount.Store.StatAsync(target.Path, ct).ConfigureAwait(false);
        if (existing is { IsDirectory: true })
        {
            await session.ReplyAsync(553, $"{target.Virtual} is a folder.", ct).ConfigureAwait(false);
            return;
        }

        var parent = await mount.Store.StatAsync(target.Path.Parent, ct).ConfigureAwait(false);
        if (!target.Path.Parent.IsRoot && parent is not { IsDirectory: true })
        {
            await session.ReplyAsync(553, "The folder to upload into does not exist.", ct).ConfigureAwait(false);
            return;
        }

        IStagedWrite staged;
        try
        {
            staged = await mount.Store.BeginWriteAsync(target.Path, mode, ct).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            await session.ReplyAsync(450, $"{target.Virtual} is being uploaded by someone else; try again later.", ct).ConfigureAwait(false);
            return;
        }

        if (!await PositionAsync(session, staged, mode, restart, ct).ConfigureAwait(false) ||
            await session.TakeDataChannelAsync(ct).ConfigureAwait(false) is not { } channel)
        {
            await staged.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await session.ReplyAsync(150, announcement, ct).ConfigureAwait(false);
        session.StartTransfer("STOR " + target.Virtual, async (transfer, token) =>
        {
            await using (staged.ConfigureAwait(false))
            {
                long received;
                var data = await session.OpenDataAsync(channel, token).ConfigureAwait(false);
                await using (data.ConfigureAwait(false))
                {
                    received = await session.CopyAsync(data.Stream, staged.Content, transfer, token).ConfigureAwait(false);
                    await data.CloseAfterUploadAsync().ConfigureAwait(false);
                }

                // FTP stream mode ends a file with the data connection's FIN, which a vanished client also sends:
                // publish only when the client is still there to hear the reply.
                if (session.ControlLost)
                {
                    FtpLog.Transfer(session.Server.Logger, "upload", target.Virtual, session.UserName, received, "control connection lost; kept staged");
                    throw new IOException("The control connection was lost; the upload stays staged.");
                }

                await staged.CommitAsync(token).ConfigureAwait(false);
                FtpLog.Transfer(session.Server.Logger, "upload", target.Virtual, session.UserName, received, "committed");
            }

            return new FtpReply(226, "Transfer complete.");
        });
    }

    private static async ValueTask<bool> PositionAsync(FtpSession session, IStagedWrite staged, WriteMode mode, long restart, CancellationToken ct)
    {
        if (mode == WriteMode.Append || restart == staged.ResumeOffset)
        {
            return true;
        }

        if (restart < staged.ResumeOffset && staged.Content.CanSeek)
        {
            staged.Content.SetLength(restart);
            staged.Content.Position = restart;
            return true;
        }

        var text = restart > staged.ResumeOffset
            ? string.Create(CultureInfo.InvariantCulture, $"Cannot resume at {restart}: only {staged.ResumeOffset} bytes of this upload are staged; send REST {staged.ResumeOffset}.")
            : "This share cannot restart an upload at that offset.";
        await session.ReplyAsync(554, text, ct).ConfigureAwait(false);
        return false;
    }
}
