using System.Net.Security;
using System.Security.Authentication;

namespace ShareKit.Ftp;

/// <summary>The server side TLS settings for control and data connections.</summary>
internal static class FtpTls
{
    public static SslServerAuthenticationOptions ServerOptions(SslStreamCertificateContext certificate) => new()
    {
        ServerCertificateContext = certificate,
        ClientCertificateRequired = false,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        AllowRenegotiation = false,
    };
}
