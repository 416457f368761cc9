using System.Text;

namespace ShareKit.Ftp;

/// <summary>MLST (RFC 3659): the facts of one file or folder, on the control connection.</summary>
internal sealed class MlstCommand : FtpCommand
{
    public override string Verb => "MLST";

    public override string? Feature => MlsxFormatter.FeatureLine;

    public override async ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } path)
        {
            return;
        }

        var entry = await session.StatAsync(path, ct).ConfigureAwait(false);
        if (entry is null)
        {
            await session.ReplyAsync(550, $"{path.Virtual}: no such file or folder.", ct).ConfigureAwait(false);
            return;
        }

        var line = new StringBuilder();
        var listed = SessionFiles.Describe(path, entry, path.Virtual);
        MlsxFormatter.Append(line, listed.Entry, listed.Name, listed.UniqueKey, listed.Writable, session.MlstFacts);
        await session.ReplyMultilineAsync(250, "Listing " + path.Virtual, [line.ToString()], "End", ct).ConfigureAwait(false);
    }
}
