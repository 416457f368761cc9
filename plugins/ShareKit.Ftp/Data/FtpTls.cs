using System.Net.Security;
using System.Security.Authentication;

namespace ShareKit.Ftp;

/// <summary>The server side TLS settings for control and data connections.</summary>
internal static class FtpTls
{
    public static SslServerAuthenticationOptions ServerOptions(SslStreamCertificateContext certificate, bool dataConnection) => new()
    {
        ServerCertificateContext = certificate,
        ClientCertificateRequired = false,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        AllowRenegotiation = false,

        // No TLS 1.3 session tickets on data connections: a client that uploads never reads them, and closing its
        // socket with them unread makes the kernel send RST, which can destroy the upload's last bytes and close_notify.
        AllowTlsResume = !dataConnection,
    };
}
