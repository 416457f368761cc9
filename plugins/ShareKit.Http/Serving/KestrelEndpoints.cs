using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ShareKit.Sdk;

namespace ShareKit.Http.Serving;

/// <summary>Binds Kestrel to the configured <c>tcp://host:port</c> endpoints.</summary>
internal static class KestrelEndpoints
{
    public static void Listen(KestrelServerOptions kestrel, IReadOnlyList<Endpoint> endpoints, string settingsPath)
    {
        foreach (var endpoint in endpoints)
        {
            if (IPAddress.TryParse(endpoint.Host, out var address))
            {
                kestrel.Listen(address, endpoint.Port);
            }
            else if (string.Equals(endpoint.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(endpoint.Port);
            }
            else if (endpoint.Host == "*")
            {
                kestrel.ListenAnyIP(endpoint.Port);
            }
            else
            {
                throw new ConfigurationException($"{settingsPath}:listen", $"'{endpoint}' must name an IP address (0.0.0.0, [::], 127.0.0.1, …) or localhost.");
            }
        }
    }
}
