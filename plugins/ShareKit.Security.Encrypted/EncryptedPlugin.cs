using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Security.Encrypted;

/// <summary>Adds the <c>encrypted</c> connection layer.</summary>
public sealed class EncryptedPlugin : IShareKitPlugin
{
    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Security.Encrypted",
        new Version(0, 1, 0),
        "Encrypts and authenticates peer connections (Noise XX, AES-GCM records, trust on first use, pairing codes).",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry) =>
        registry.AddLayer("encrypted", ctx => new EncryptedLayer(
            ctx.DataDirectory,
            ctx.Node,
            EncryptedLayerOptions.FromSettings(ctx.Settings, ctx.SettingsPath),
            ctx.LoggerFactory.CreateLogger<EncryptedLayer>()));
}
