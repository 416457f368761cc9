using ShareKit.Sdk;

namespace ShareKit.Discovery.UdpBroadcast;

/// <summary>Adds the <c>udp-broadcast</c> discovery: LAN broadcast (IPv4) and link-local multicast (IPv6) announcements.</summary>
public sealed class UdpBroadcastPlugin : IShareKitPlugin
{
    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Discovery.UdpBroadcast",
        new Version(0, 1, 0),
        "Finds ShareKit nodes on the local networks with UDP broadcast and IPv6 link-local multicast.",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddDiscovery("udp-broadcast", ctx => new UdpBroadcastDiscovery(ctx, UdpBroadcastOptions.FromSettings(ctx.Settings, ctx.SettingsPath)));
    }
}
