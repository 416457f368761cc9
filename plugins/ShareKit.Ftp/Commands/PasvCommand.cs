using System.Globalization;
using System.Net.Sockets;

namespace ShareKit.Ftp;

/// <summary>PASV: opens a listener (in the passive port range) and announces it, with the masquerade address if set.</summary>
internal sealed class PasvCommand : FtpCommand
{
    public override string Verb => "PASV";

    public override string? Feature => "PASV";

    public override FtpCommandFlags Flags => FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (session.EpsvAll)
        {
            await session.ReplyAsync(503, "EPSV ALL was sent: only EPSV may set up data connections.", ct).ConfigureAwait(false);
            return;
        }

        if (session.LocalAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            await session.ReplyAsync(425, "PASV works over IPv4 only; use EPSV.", ct).ConfigureAwait(false);
            return;
        }

        if (await PassiveSetup.OpenAsync(session, ct).ConfigureAwait(false) is not { } channel)
        {
            return;
        }

        var announced = (session.Server.Options.MasqueradeAddress ?? session.LocalAddress).GetAddressBytes();
        var port = channel.Port;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Entering Passive Mode ({announced[0]},{announced[1]},{announced[2]},{announced[3]},{port >> 8},{port & 255}).");
        await session.ReplyAsync(227, text, ct).ConfigureAwait(false);
    }
}
