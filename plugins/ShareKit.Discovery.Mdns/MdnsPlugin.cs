using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>Adds the <c>mdns</c> discovery: DNS-SD over multicast DNS (RFC 6762/6763), compatible with avahi and Bonjour.</summary>
public sealed class MdnsPlugin : IShareKitPlugin
{
    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Discovery.Mdns",
        new Version(0, 1, 0),
        "Finds ShareKit nodes with multicast DNS service discovery (_sharekit._tcp), interoperating with avahi and Bonjour.",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddDiscovery("mdns", ctx => new MdnsDiscovery(ctx, MdnsOptions.FromSettings(ctx.Settings, ctx.SettingsPath)));
    }
}
