using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ShareKit.Ftp;

/// <summary>EPRT |proto|address|port| (RFC 2428): active mode for IPv4 and IPv6, with the PORT rules.</summary>
internal sealed class EprtCommand : FtpCommand
{
    public override string Verb => "EPRT";

    public override string? Feature => "EPRT";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var text = argument.Trim();
        var parts = text.Length > 1 ? text.Split(text[0]) : [];
        if (parts.Length != 5 || parts[0].Length != 0 || parts[4].Length != 0 ||
            !IPAddress.TryParse(parts[2], out var address) ||
            !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            await session.ReplyAsync(501, "Syntax error: EPRT |1|address|port| or |2|address|port|.", ct).ConfigureAwait(false);
            return;
        }

        var expected = parts[1] switch
        {
            "1" => AddressFamily.InterNetwork,
            "2" => AddressFamily.InterNetworkV6,
            _ => AddressFamily.Unknown,
        };
        if (expected == AddressFamily.Unknown || address.AddressFamily != expected)
        {
            await session.ReplyAsync(522, "Network protocol not supported, use (1,2).", ct).ConfigureAwait(false);
            return;
        }

        await ActiveSetup.SetAsync(session, address, port, ct).ConfigureAwait(false);
    }
}
