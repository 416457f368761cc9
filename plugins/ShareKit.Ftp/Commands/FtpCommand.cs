namespace ShareKit.Ftp;

/// <summary>One FTP command (or a tight family): its verb, its FEAT line, its place in the state machine, its work.</summary>
internal abstract class FtpCommand
{
    /// <summary>The verb, upper case.</summary>
    public abstract string Verb { get; }

    /// <summary>Other verbs that do the same (the RFC 775 X-forms old clients send).</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>The line this command adds to the FEAT reply, or null.</summary>
    public virtual string? Feature => null;

    public virtual FtpCommandFlags Flags => FtpCommandFlags.None;

    public abstract ValueTask ExecuteAsync(FtpSession session, string argument, CancellationToken ct);
}
