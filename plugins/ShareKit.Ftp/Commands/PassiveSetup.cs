namespace ShareKit.Ftp;

/// <summary>The listener step shared by PASV and EPSV.</summary>
internal static class PassiveSetup
{
    public static async ValueTask<PassiveDataChannel?> OpenAsync(FtpSession session, CancellationToken ct)
    {
        await session.SetDataChannelAsync(null).ConfigureAwait(false);
        var options = session.Server.Options;
        var channel = PassiveDataChannel.Open(session.LocalAddress, options.PassivePorts, session.ClientAddress, options.AcceptTimeout, session.Server.Logger);
        if (channel is null)
        {
            await session.ReplyAsync(425, "No free passive port; try again shortly.", ct).ConfigureAwait(false);
            return null;
        }

        await session.SetDataChannelAsync(channel).ConfigureAwait(false);
        return channel;
    }
}
