namespace ShareKit.Ftp;

/// <summary>TLS settings (<c>services:ftp:settings:tls</c>).</summary>
public sealed class FtpTlsOptions
{
    /// <summary>Whether TLS is offered or required.</summary>
    public FtpTlsMode Mode { get; init; } = FtpTlsMode.Optional;

    /// <summary>A PKCS#12 (.pfx) file with the server certificate and key; null makes a self-signed one in <c>&lt;data&gt;/ftp/</c>.</summary>
    public string? Certificate { get; init; }

    /// <summary>The password of <see cref="Certificate"/>, if it has one.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>Require data connections to resume the control connection's TLS session (not supported by .NET's SslStream; must stay false).</summary>
    public bool RequireSessionReuse { get; init; }
}
