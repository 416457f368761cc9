using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>The FTP service's settings (<c>services:ftp:settings</c>); defaults are the safe ones.</summary>
public sealed class FtpOptions
{
    /// <summary>Where the control connection listens.</summary>
    public Endpoint Listen { get; init; } = Endpoint.Parse("tcp://0.0.0.0:2121");

    /// <summary>The shares served; empty means every <c>public-read</c> share.</summary>
    public IReadOnlyList<string> Shares { get; init; } = [];

    /// <summary>Whether <c>anonymous</c>/<c>ftp</c> may log in (read-only, public-read shares only).</summary>
    public bool Anonymous { get; init; } = true;

    /// <summary>Named users with hashed passwords.</summary>
    public IReadOnlyList<FtpUserOptions> Users { get; init; } = [];

    /// <summary>Ports for PASV/EPSV listeners; null lets the system pick.</summary>
    public PortRange? PassivePorts { get; init; }

    /// <summary>The IPv4 address announced in PASV replies (the public address behind NAT); null uses the control connection's local address.</summary>
    public System.Net.IPAddress? MasqueradeAddress { get; init; }

    /// <summary>TLS settings.</summary>
    public FtpTlsOptions Tls { get; init; } = new();

    /// <summary>A control connection with no command for this long is closed (421).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A data connection that moves no byte for this long is aborted.</summary>
    public TimeSpan DataTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a passive listener waits for the client (and an active connect may take).</summary>
    public TimeSpan AcceptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most control connections at once.</summary>
    public int MaxConnections { get; init; } = 500;

    /// <summary>Most control connections at once from one address.</summary>
    public int MaxConnectionsPerAddress { get; init; } = 50;

    /// <summary>Failed logins allowed on one connection before it is closed.</summary>
    public int MaxLoginAttempts { get; init; } = 3;

    /// <summary>Failed logins from one address (within <see cref="FailedLoginWindow"/>) before the address is refused.</summary>
    public int MaxFailedLoginsPerAddress { get; init; } = 10;

    /// <summary>How long failed logins are remembered, and how long a refused address stays refused.</summary>
    public TimeSpan FailedLoginWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait before answering the first failed login; it doubles with each failure from the same address.</summary>
    public TimeSpan FailedLoginDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before answering a failed login.</summary>
    public TimeSpan MaxFailedLoginDelay { get; init; } = TimeSpan.FromSeconds(16);

    /// <summary>Size of the buffer that carries RETR/STOR data.</summary>
    public int TransferBufferSize { get; init; } = 256 * 1024;
}
