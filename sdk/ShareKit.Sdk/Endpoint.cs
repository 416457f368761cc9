using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace ShareKit.Sdk;

/// <summary>
/// A parsed transport address such as <c>tcp://192.168.1.7:53531</c>, <c>tcp://[::1]:0</c> or
/// <c>unix:///run/sharekit.sock</c>. Network endpoints have a <see cref="Host"/> and a <see cref="Port"/>
/// (0 asks the transport to pick one); path endpoints (no authority, e.g. <c>unix://</c>) have a <see cref="Path"/>.
/// The scheme is stored lowercase.
/// </summary>
public sealed record Endpoint
{
    private Endpoint(string scheme, string host, int port, string path)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Path = path;
    }

    /// <summary>The transport scheme, lowercase (<c>tcp</c>, <c>unix</c>, …).</summary>
    public string Scheme { get; }

    /// <summary>Host name or IP literal without brackets; empty for path endpoints.</summary>
    public string Host { get; }

    /// <summary>Port number 0–65535; -1 for path endpoints.</summary>
    public int Port { get; }

    /// <summary>The absolute path of a path endpoint; empty for network endpoints.</summary>
    public string Path { get; }

    /// <summary>True when this endpoint names a host and port rather than a path.</summary>
    public bool IsNetwork => Port >= 0;

    /// <summary>Makes a network endpoint.</summary>
    /// <exception cref="ArgumentException">Scheme, host or port is invalid.</exception>
    public static Endpoint ForNetwork(string scheme, string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0–65535.");
        }

        return new Endpoint(scheme.ToLowerInvariant(), host.Trim('[', ']'), port, string.Empty);
    }

    /// <summary>Makes a network endpoint from an IP end point.</summary>
    public static Endpoint ForNetwork(string scheme, IPEndPoint address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = address.Address.IsIPv4MappedToIPv6 ? address.Address.MapToIPv4() : address.Address;
        return ForNetwork(scheme, ip.ToString(), address.Port);
    }

    /// <summary>Makes a path endpoint (e.g. a Unix socket).</summary>
    public static Endpoint ForPath(string scheme, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw new ArgumentException("A path endpoint needs an absolute path.", nameof(path));
        }

        return new Endpoint(scheme.ToLowerInvariant(), string.Empty, -1, path);
    }

    /// <summary>Parses <c>scheme://host:port</c> or <c>scheme:///absolute/path</c>.</summary>
    /// <exception cref="FormatException">The text is not an endpoint; the message says why.</exception>
    public static Endpoint Parse(string text) =>
        TryParse(text, out var endpoint, out var error) ? endpoint : throw new FormatException(error);

    /// <summary>Parses without throwing; <paramref name="error"/> says why a text was refused.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out Endpoint? endpoint,
        [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "An endpoint is empty; expected e.g. tcp://0.0.0.0:53531.";
            return false;
        }

        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            error = $"'{text}' is not an endpoint: expected scheme://host:port or scheme:///path.";
            return false;
        }

        var scheme = text[..separator];
        if (!scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || !char.IsAsciiLetter(scheme[0]))
        {
            error = $"'{text}' has an invalid scheme '{scheme}'.";
            return false;
        }

        var rest = text[(separator + 3)..];
        if (rest.StartsWith('/'))
        {
            var path = Uri.UnescapeDataString(rest);

            // A NUL (%00) would silently cut the path short at the system call; other controls are never meant.
            if (path.Any(char.IsControl))
            {
                error = $"'{text}' has a control character in its path.";
                return false;
            }

            endpoint = new Endpoint(scheme.ToLowerInvariant(), string.Empty, -1, path);
            error = null;
            return true;
        }

        return TryParseHostPort(text, scheme, rest.TrimEnd('/'), out endpoint, out error);
    }

    private static bool TryParseHostPort(string text, string scheme, string authority, out Endpoint? endpoint, out string? error)
    {
        endpoint = null;
        string host;
        string portText;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= authority.Length || authority[close + 1] != ':')
            {
                error = $"'{text}' needs [ipv6]:port.";
                return false;
            }

            host = authority[1..close];
            portText = authority[(close + 2)..];
            if (!IPAddress.TryParse(host, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                error = $"'{host}' in '{text}' is not an IPv6 address.";
                return false;
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            if (colon <= 0 || authority.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                error = $"'{text}' needs a host and a port, e.g. {scheme}://0.0.0.0:53531 (IPv6 in brackets).";
                return false;
            }

            host = authority[..colon];
            portText = authority[(colon + 1)..];
            if (host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@' or '?' or '#'))
            {
                error = $"'{host}' in '{text}' is not a host name.";
                return false;
            }
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"'{portText}' in '{text}' is not a port (0–65535).";
            return false;
        }

        endpoint = new Endpoint(scheme.ToLowerInvariant(), host, port, string.Empty);
        error = null;
        return true;
    }

    /// <summary>This endpoint with another port (network endpoints only), e.g. the real port after binding port 0.</summary>
    public Endpoint WithPort(int port) =>
        IsNetwork ? ForNetwork(Scheme, Host, port) : throw new InvalidOperationException($"{this} has no port.");

    /// <inheritdoc />
    public override string ToString()
    {
        if (!IsNetwork)
        {
            return $"{Scheme}://{Path}";
        }

        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{host}:{Port}");
    }
}
