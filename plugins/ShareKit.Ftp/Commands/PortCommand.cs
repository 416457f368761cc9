using System.Globalization;
using System.Net;

namespace ShareKit.Ftp;

/// <summary>PORT h1,h2,h3,h4,p1,p2: active mode (IPv4), only to the client's own address and a port ≥ 1024.</summary>
internal sealed class PortCommand : FtpCommand
{
    public override string Verb => "PORT";

    public override FtpCommandFlags Flags => FtpCommandFlags.NeedsArgument | FtpCommandFlags.KeepsRestart;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var parts = argument.Trim().Split(',');
        var numbers = new byte[6];
        if (parts.Length != 6 || !parts.Select((p, i) => byte.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])).All(ok => ok))
        {
            await session.ReplyAsync(501, "Syntax error: PORT h1,h2,h3,h4,p1,p2.", ct).ConfigureAwait(false);
            return;
        }

        var address = new IPAddress(numbers.AsSpan(0, 4));
        await ActiveSetup.SetAsync(session, address, (numbers[4] << 8) | numbers[5], ct).ConfigureAwait(false);
    }
}
