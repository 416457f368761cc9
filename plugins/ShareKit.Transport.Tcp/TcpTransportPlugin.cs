using ShareKit.Sdk;

namespace ShareKit.Transport.Tcp;

/// <summary>Adds the <c>tcp://</c> transport: IPv4 and IPv6 sockets exposed as pipes.</summary>
public sealed class TcpTransportPlugin : IShareKitPlugin
{
    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Transport.Tcp",
        new Version(0, 1, 0),
        "Connects nodes over TCP on IPv4 and IPv6 (tcp://host:port).",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddTransport(TcpTransport.SchemeName, ctx => new TcpTransport(
            TcpTransportOptions.FromSettings(ctx.Settings, ctx.SettingsPath),
            ctx.LoggerFactory));
    }
}
