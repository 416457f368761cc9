using System.Globalization;
using System.Net.Sockets;

namespace ShareKit.Ftp;

/// <summary>EPSV (RFC 2428): passive mode for IPv4 and IPv6; EPSV ALL locks the session to EPSV.</summary>
internal sealed class EpsvCommand : FtpCommand
{
    public override string Verb => "EPSV";

    public override string? Feature => "EPSV";

    public override FtpCommandFlags Flags => FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var protocol = argument.Trim();
        if (protocol.Equals("ALL", StringComparison.OrdinalIgnoreCase))
        {
            session.EpsvAll = true;
            await session.ReplyAsync(200, "EPSV ALL: only EPSV will be accepted for data connections.", ct).ConfigureAwait(false);
            return;
        }

        var family = session.LocalAddress.AddressFamily == AddressFamily.InterNetworkV6 ? "2" : "1";
        if (protocol.Length > 0 && protocol != family)
        {
            await session.ReplyAsync(522, $"Network protocol not supported on this connection, use ({family}).", ct).ConfigureAwait(false);
            return;
        }

        if (await PassiveSetup.OpenAsync(session, ct).ConfigureAwait(false) is not { } channel)
        {
            return;
        }

        await session.ReplyAsync(229, string.Create(CultureInfo.InvariantCulture, $"Entering Extended Passive Mode (|||{channel.Port}|)."), ct)
            .ConfigureAwait(false);
    }
}
