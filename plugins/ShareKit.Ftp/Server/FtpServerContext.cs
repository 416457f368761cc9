using System.Net.Security;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>What every session of one FTP service shares: options, commands, shares, users, TLS and login throttle.</summary>
internal sealed class FtpServerContext(
    FtpOptions options,
    ILogger logger,
    FtpCommandTable commands,
    IReadOnlyList<IShare> shares,
    IReadOnlyDictionary<string, FtpUser> users,
    SslStreamCertificateContext? certificate,
    LoginThrottle throttle)
{
    public FtpOptions Options => options;

    public ILogger Logger => logger;

    public FtpCommandTable Commands => commands;

    public SslStreamCertificateContext? Certificate => certificate;

    public LoginThrottle Throttle => throttle;

    public bool TlsRequiredForLogin => options.Tls.Mode is FtpTlsMode.RequiredControl or FtpTlsMode.RequiredAll;

    public bool TlsRequiredForData => options.Tls.Mode == FtpTlsMode.RequiredAll;

    /// <summary>The public-read shares served, read-only; null when anonymous login is off or there are none.</summary>
    public FtpFileSystem? AnonymousFileSystem()
    {
        if (!options.Anonymous)
        {
            return null;
        }

        var mounts = shares.Where(s => s.Access == ShareAccess.PublicRead)
            .Select(s => new FtpMount(s.Name, s.Store, Writable: false))
            .ToArray();
        return mounts.Length == 0 ? null : new FtpFileSystem(mounts);
    }

    public FtpUser? FindUser(string name) => users.GetValueOrDefault(name);

    /// <summary>
    /// A hash as slow as the configured users' ones, checked for unknown user names so that the reply time does not
    /// tell which names exist; null when no named users are configured (then there is nothing to find out).
    /// </summary>
    public string? DecoyHash { get; } = users.Values.FirstOrDefault() is { } any
        ? FtpPasswordHasher.Hash(Guid.NewGuid().ToString(), FtpPasswordHasher.IterationsOf(any.Options.PasswordHash))
        : null;
}
