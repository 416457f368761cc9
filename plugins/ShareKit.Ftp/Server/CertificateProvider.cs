using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>Loads the configured server certificate, or makes a self-signed one on first run in <c>&lt;data&gt;/ftp/</c>.</summary>
internal static class CertificateProvider
{
    /// <summary>The file name of the self-signed certificate in the service's data folder.</summary>
    public const string SelfSignedFileName = "certificate.pfx";

    public static SslStreamCertificateContext Load(FtpTlsOptions tls, string dataDirectory, string nodeName, string settingsPath)
    {
        X509Certificate2 certificate;
        if (tls.Certificate is { } configured)
        {
            var path = Path.IsPathRooted(configured) ? configured : Path.Combine(dataDirectory, configured);
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationException($"{settingsPath}:tls:certificate", $"cannot load the certificate '{path}': {e.Message}");
            }

            if (!certificate.HasPrivateKey)
            {
                throw new ConfigurationException($"{settingsPath}:tls:certificate", $"'{path}' holds no private key");
            }
        }
        else
        {
            certificate = LoadOrCreateSelfSigned(Path.Combine(dataDirectory, "ftp"), nodeName);
        }

        return SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
    }

    private static X509Certificate2 LoadOrCreateSelfSigned(string folder, string nodeName)
    {
        var path = Path.Combine(folder, SelfSignedFileName);
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        }

        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedName($"CN={Sanitize(nodeName)} ShareKit FTP");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        var pfx = created.Export(X509ContentType.Pkcs12);

        // Written to a temporary name and renamed, so a crash never leaves half a key file that blocks the next start.
        var temporary = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, fileOptions))
        {
            file.Write(pfx);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }

    private static string Sanitize(string name)
    {
        var clean = new string(name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '.' or ' ').ToArray()).Trim();
        return clean.Length == 0 ? "sharekit" : clean;
    }
}
