namespace ShareKit.Ftp;

/// <summary>How the session's state machine treats a command.</summary>
[Flags]
internal enum FtpCommandFlags
{
    None = 0,

    /// <summary>Allowed before login.</summary>
    BeforeLogin = 1,

    /// <summary>A pending REST survives this command (data-channel setup, or the transfer that uses it).</summary>
    KeepsRestart = 2,

    /// <summary>A pending RNFR survives this command (only RNTO, which uses it).</summary>
    KeepsRename = 4,

    /// <summary>The command needs an argument (501 without one).</summary>
    NeedsArgument = 8,
}
