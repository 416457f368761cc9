using System.Globalization;

namespace ShareKit.Ftp;

/// <summary>STOU: uploads under a new unique name in the current folder and says which (RFC 1123 "150 FILE: name").</summary>
internal sealed class StouCommand : FtpCommand
{
    public override string Verb => "STOU";

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"upload-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x100000, 0xFFFFFF):x6}");
        if (await session.ResolveWritableOrReplyAsync(name, ct).ConfigureAwait(false) is not { } target)
        {
            return;
        }

        await UploadTransfer.StartAsync(session, target, Sdk.WriteMode.CreateNew, 0, "FILE: " + name, ct).ConfigureAwait(false);
    }
}
