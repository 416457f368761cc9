using ShareKit.Sdk;

namespace ShareKit.Transport.UnixSocket;

/// <summary>
/// The plugin's entry point. The host finds the one public class implementing <see cref="IShareKitPlugin"/> in
/// ShareKit.Transport.UnixSocket.dll, creates it with its public parameterless constructor, checks <see cref="Info"/>
/// and calls <see cref="Register"/> once, before any component exists.
/// </summary>
public sealed class UnixSocketPlugin : IShareKitPlugin
{
    /// <summary>The scheme of this transport's endpoints: <c>unix:///run/user/1000/sharekit.sock</c>.</summary>
    public const string Scheme = "unix";

    /// <summary>Name = assembly and folder name; the SDK version this build compiled against.</summary>
    public PluginInfo Info { get; } = new(
        "ShareKit.Transport.UnixSocket",
        new Version(0, 1, 0),
        "Local connections through a Unix domain socket file (unix:///path/to.sock), for scripts and tools on the same machine.",
        SdkInfo.Version);

    /// <summary>Adds the <c>unix</c> transport; its settings are read when the host creates it.</summary>
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddTransport(Scheme, context => new UnixSocketTransport(Scheme, UnixSocketTransportOptions.From(context), context.LoggerFactory));
    }
}
