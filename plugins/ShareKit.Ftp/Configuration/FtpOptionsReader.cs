using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>Reads <see cref="FtpOptions"/> from the service's settings, naming the JSON path of any bad value.</summary>
public static class FtpOptionsReader
{
    private static readonly string[] TopLevelKeys =
        ["listen", "shares", "anonymous", "users", "passivePorts", "masqueradeAddress", "tls", "timeouts", "limits", "transferBufferSize"];

    private static readonly string[] TimeoutKeys = ["idle", "data", "accept"];

    private static readonly string[] LimitKeys =
    [
        "connections", "connectionsPerAddress", "loginAttempts", "failedLoginsPerAddress", "failedLoginWindow",
        "failedLoginDelay", "maxFailedLoginDelay",
    ];

    /// <summary>Parses the settings; throws <see cref="ConfigurationException"/> for the first bad value.</summary>
    public static FtpOptions Read(IConfiguration settings, string path)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new FtpOptions();
        RefuseUnknownKeys(settings, path, TopLevelKeys);
        var timeouts = settings.GetSection("timeouts");
        var limits = settings.GetSection("limits");
        RefuseUnknownKeys(timeouts, $"{path}:timeouts", TimeoutKeys);
        RefuseUnknownKeys(limits, $"{path}:limits", LimitKeys);

        return new FtpOptions
        {
            Listen = ReadListen(settings["listen"], $"{path}:listen") ?? defaults.Listen,
            Shares = settings.GetSection("shares").GetChildren().Select(s => s.Value ?? string.Empty).ToArray() is var shares &&
                     shares.Any(string.IsNullOrWhiteSpace)
                ? throw new ConfigurationException($"{path}:shares", "every entry must be a share name")
                : shares,
            Anonymous = ReadBool(settings["anonymous"], $"{path}:anonymous") ?? defaults.Anonymous,
            Users = ReadUsers(settings.GetSection("users"), $"{path}:users"),
            PassivePorts = ReadPortRange(settings["passivePorts"], $"{path}:passivePorts"),
            MasqueradeAddress = ReadMasquerade(settings["masqueradeAddress"], $"{path}:masqueradeAddress"),
            Tls = ReadTls(settings.GetSection("tls"), $"{path}:tls"),
            IdleTimeout = ReadSeconds(timeouts["idle"], $"{path}:timeouts:idle") ?? defaults.IdleTimeout,
            DataTimeout = ReadSeconds(timeouts["data"], $"{path}:timeouts:data") ?? defaults.DataTimeout,
            AcceptTimeout = ReadSeconds(timeouts["accept"], $"{path}:timeouts:accept") ?? defaults.AcceptTimeout,
            MaxConnections = ReadInt(limits["connections"], $"{path}:limits:connections", 1, 100_000) ?? defaults.MaxConnections,
            MaxConnectionsPerAddress = ReadInt(limits["connectionsPerAddress"], $"{path}:limits:connectionsPerAddress", 1, 100_000)
                                       ?? defaults.MaxConnectionsPerAddress,
            MaxLoginAttempts = ReadInt(limits["loginAttempts"], $"{path}:limits:loginAttempts", 1, 100) ?? defaults.MaxLoginAttempts,
            MaxFailedLoginsPerAddress = ReadInt(limits["failedLoginsPerAddress"], $"{path}:limits:failedLoginsPerAddress", 1, 100_000)
                                        ?? defaults.MaxFailedLoginsPerAddress,
            FailedLoginWindow = ReadSeconds(limits["failedLoginWindow"], $"{path}:limits:failedLoginWindow") ?? defaults.FailedLoginWindow,
            FailedLoginDelay = ReadSeconds(limits["failedLoginDelay"], $"{path}:limits:failedLoginDelay", allowZero: true)
                               ?? defaults.FailedLoginDelay,
            MaxFailedLoginDelay = ReadSeconds(limits["maxFailedLoginDelay"], $"{path}:limits:maxFailedLoginDelay", allowZero: true)
                                  ?? defaults.MaxFailedLoginDelay,
            TransferBufferSize = ReadInt(settings["transferBufferSize"], $"{path}:transferBufferSize", 4096, 16 * 1024 * 1024)
                                 ?? defaults.TransferBufferSize,
        };
    }

    private static void RefuseUnknownKeys(IConfiguration section, string path, string[] known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationException($"{path}:{child.Key}", $"unknown setting; allowed: {string.Join(", ", known)}");
            }
        }
    }

    private static Endpoint? ReadListen(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        if (!Endpoint.TryParse(text, out var endpoint, out var error))
        {
            throw new ConfigurationException(path, error);
        }

        if (endpoint.Scheme != "tcp" || !endpoint.IsNetwork)
        {
            throw new ConfigurationException(path, $"'{text}' must be a tcp:// endpoint such as tcp://0.0.0.0:2121");
        }

        return endpoint;
    }

    private static bool? ReadBool(string? text, string path) =>
        text is null ? null
        : bool.TryParse(text, out var value) ? value
        : throw new ConfigurationException(path, $"'{text}' is not true or false");

    private static int? ReadInt(string? text, string path, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigurationException(path, $"'{text}' is not a whole number from {min} to {max}");
        }

        return value;
    }

    private static TimeSpan? ReadSeconds(string? text, string path, bool allowZero = false)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ||
            double.IsNaN(seconds) || seconds < 0 || (seconds == 0 && !allowZero) || seconds > 86_400)
        {
            throw new ConfigurationException(path, $"'{text}' is not a number of seconds ({(allowZero ? "0" : "above 0")} to 86400)");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static PortRange? ReadPortRange(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) &&
            first >= 1024 && last <= 65535 && first <= last)
        {
            return new PortRange(first, last);
        }

        throw new ConfigurationException(path, $"'{text}' is not a port range like 50000-50100 (ports 1024–65535, first ≤ last)");
    }

    private static IPAddress? ReadMasquerade(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address;
        }

        throw new ConfigurationException(path, $"'{text}' is not an IPv4 address (PASV replies can only carry IPv4)");
    }

    private static FtpTlsOptions ReadTls(IConfigurationSection section, string path)
    {
        RefuseUnknownKeys(section, path, ["mode", "certificate", "certificatePassword", "requireSessionReuse"]);
        var mode = section["mode"] switch
        {
            null => FtpTlsMode.Optional,
            var m when m.Equals("off", StringComparison.OrdinalIgnoreCase) => FtpTlsMode.Off,
            var m when m.Equals("optional", StringComparison.OrdinalIgnoreCase) => FtpTlsMode.Optional,
            var m when m.Equals("required-control", StringComparison.OrdinalIgnoreCase) => FtpTlsMode.RequiredControl,
            var m when m.Equals("required-all", StringComparison.OrdinalIgnoreCase) => FtpTlsMode.RequiredAll,
            var m => throw new ConfigurationException($"{path}:mode", $"'{m}' is not one of off, optional, required-control, required-all"),
        };
        var reuse = ReadBool(section["requireSessionReuse"], $"{path}:requireSessionReuse") ?? false;
        if (reuse)
        {
            throw new ConfigurationException(
                $"{path}:requireSessionReuse",
                "true is not supported: .NET's SslStream cannot tell whether a data connection resumed the control connection's TLS session; leave it false");
        }

        var certificate = string.IsNullOrWhiteSpace(section["certificate"]) ? null : section["certificate"];
        return new FtpTlsOptions
        {
            Mode = mode,
            Certificate = certificate,
            CertificatePassword = section["certificatePassword"],
            RequireSessionReuse = reuse,
        };
    }

    private static FtpUserOptions[] ReadUsers(IConfigurationSection section, string path)
    {
        var users = new List<FtpUserOptions>();
        foreach (var child in section.GetChildren())
        {
            var at = $"{path}:{child.Key}";
            RefuseUnknownKeys(child, at, ["name", "passwordHash", "share", "access"]);
            var name = child["name"];
            if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl) || name.Contains(' ', StringComparison.Ordinal))
            {
                throw new ConfigurationException($"{at}:name", "a user needs a name without spaces or control characters");
            }

            if (name.Equals("anonymous", StringComparison.OrdinalIgnoreCase) || name.Equals("ftp", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationException($"{at}:name", $"'{name}' is the anonymous login; pick another name");
            }

            if (users.Any(u => u.Name == name))
            {
                throw new ConfigurationException($"{at}:name", $"the user '{name}' is configured twice");
            }

            var hash = child["passwordHash"];
            if (!FtpPasswordHasher.IsWellFormed(hash))
            {
                throw new ConfigurationException(
                    $"{at}:passwordHash",
                    $"not a password hash; expected {FtpPasswordHasher.FormatDescription} (make one with FtpPasswordHasher.Hash)");
            }

            var share = child["share"];
            if (string.IsNullOrWhiteSpace(share))
            {
                throw new ConfigurationException($"{at}:share", "a user needs the name of the share it sees at /");
            }

            var access = child["access"] switch
            {
                null or "read" => FtpUserAccess.Read,
                "read-write" => FtpUserAccess.ReadWrite,
                var a => throw new ConfigurationException($"{at}:access", $"'{a}' is not read or read-write"),
            };
            users.Add(new FtpUserOptions(name, hash!, share, access));
        }

        return [.. users];
    }
}
