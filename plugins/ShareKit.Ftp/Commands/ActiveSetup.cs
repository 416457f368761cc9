using System.Net;

namespace ShareKit.Ftp;

/// <summary>
/// The anti-bounce rules shared by PORT and EPRT: the target must be the control connection's own address and a
/// port from 1024 up, so the server can never be made to connect to a third host (FXP bounce) or a service port.
/// </summary>
internal static class ActiveSetup
{
    public const int LowestPort = 1024;

    public static async ValueTask SetAsync(FtpSession session, IPAddress address, int port, CancellationToken ct)
    {
        if (session.EpsvAll)
        {
            await session.ReplyAsync(503, "EPSV ALL was sent: only EPSV may set up data connections.", ct).ConfigureAwait(false);
            return;
        }

        if (!FtpAddress.Normalize(address).Equals(session.ClientAddress))
        {
            await session.ReplyAsync(501, "Refused: the data address must be your own address.", ct).ConfigureAwait(false);
            return;
        }

        if (port < LowestPort)
        {
            await session.ReplyAsync(501, $"Refused: the data port must be {LowestPort} or above.", ct).ConfigureAwait(false);
            return;
        }

        var target = new IPEndPoint(session.ClientAddress, port);
        await session.SetDataChannelAsync(new ActiveDataChannel(target, session.Server.Options.AcceptTimeout)).ConfigureAwait(false);
        await session.ReplyAsync(200, "Active data connection set up; send the transfer command.", ct).ConfigureAwait(false);
    }
}
