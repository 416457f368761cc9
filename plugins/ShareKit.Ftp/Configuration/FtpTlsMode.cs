namespace ShareKit.Ftp;

/// <summary>How the server uses TLS (explicit FTPS, <c>AUTH TLS</c>).</summary>
public enum FtpTlsMode
{
    /// <summary>No TLS: <c>AUTH TLS</c> is refused.</summary>
    Off,

    /// <summary>Clients may upgrade with <c>AUTH TLS</c>; plain FTP works too.</summary>
    Optional,

    /// <summary>Logins need a TLS control connection; data connections may stay plain.</summary>
    RequiredControl,

    /// <summary>Logins need TLS and every data connection must be protected (<c>PROT P</c>).</summary>
    RequiredAll,
}
