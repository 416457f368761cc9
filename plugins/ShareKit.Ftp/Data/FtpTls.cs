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

        // Data connections speak TLS 1.2: a TLS 1.3 server sends session tickets after the handshake, an uploading
        // client never reads them, and closing a socket with unread data makes its kernel send RST and drop the
        // upload's last bytes and close_notify (seen with curl; the "426 after a complete upload" FTPS bug).
        EnabledSslProtocols = dataConnection ? SslProtocols.Tls12 : SslProtocols.Tls12 | SslProtocols.Tls13,
        AllowRenegotiation = false,
        AllowTlsResume = !dataConnection,
    };
}
