namespace ShareKit.Ftp;

/// <summary>The login states of a control connection. RNFR, REST and TLS are tracked beside them in <see cref="FtpSession"/>.</summary>
internal enum FtpSessionState
{
    /// <summary>Waiting for USER.</summary>
    AwaitingUser,

    /// <summary>USER given; waiting for PASS.</summary>
    AwaitingPassword,

    /// <summary>Logged in; the file system is open.</summary>
    LoggedIn,
}
