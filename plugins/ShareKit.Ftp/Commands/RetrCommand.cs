using System.Globalization;

namespace ShareKit.Ftp;

/// <summary>RETR: sends a file from the REST offset (if any), through a large pooled buffer.</summary>
internal sealed class RetrCommand : FtpCommand
{
    public override string Verb => "RETR";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var offset = session.RestartOffset;
        session.RestartOffset = 0;
        if (await session.ResolveOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } path)
        {
            return;
        }

        if (path.Mount is not { } mount)
        {
            await session.ReplyAsync(550, $"{path.Virtual}: not a file.", ct).ConfigureAwait(false);
            return;
        }

        var entry = await mount.Store.StatAsync(path.Path, ct).ConfigureAwait(false);
        if (entry is null || entry.IsDirectory)
        {
            await session.ReplyAsync(550, $"{path.Virtual}: no such file.", ct).ConfigureAwait(false);
            return;
        }

        if (offset > entry.Length)
        {
            await session.ReplyAsync(554, string.Create(CultureInfo.InvariantCulture, $"REST offset {offset} is past the end ({entry.Length} bytes)."), ct)
                .ConfigureAwait(false);
            return;
        }

        var content = await mount.Store.OpenReadAsync(path.Path, offset, ct).ConfigureAwait(false);
        if (await session.TakeDataChannelAsync(ct).ConfigureAwait(false) is not { } channel)
        {
            await content.DisposeAsync().ConfigureAwait(false);
            return;
        }

        var mode = session.Type == TransferType.Binary ? "BINARY" : "ASCII";
        await session.ReplyAsync(150, string.Create(CultureInfo.InvariantCulture, $"Opening {mode} mode data connection for {path.Name} ({entry.Length - offset} bytes)."), ct)
            .ConfigureAwait(false);
        session.StartTransfer("RETR " + path.Virtual, async (transfer, token) =>
        {
            await using (content.ConfigureAwait(false))
            {
                var data = await session.OpenDataAsync(channel, token).ConfigureAwait(false);
                await using (data.ConfigureAwait(false))
                {
                    var sent = await session.CopyAsync(content, data.Stream, transfer, token).ConfigureAwait(false);
                    await data.CloseAsync().ConfigureAwait(false);
                    FtpLog.Transfer(session.Server.Logger, "download", path.Virtual, session.UserName, sent, "complete");
                }
            }

            return new FtpReply(226, "Transfer complete.");
        });
    }
}
