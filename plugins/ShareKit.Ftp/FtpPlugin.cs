using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>Adds the <c>ftp</c> service: an FTP/FTPS server over the node's shares.</summary>
public sealed class FtpPlugin : IShareKitPlugin
{
    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Ftp",
        new Version(0, 1, 0),
        "Serves shares to FTP and explicit-FTPS clients (curl, lftp, FileZilla, file managers).",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddService("ftp", ctx => new FtpService(ctx, FtpOptionsReader.Read(ctx.Settings, ctx.SettingsPath)));
    }
}
