using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

/// <summary>Adds the <c>local</c> storage kind: a share backed by a folder on this machine.</summary>
public sealed class LocalStoragePlugin : IShareKitPlugin
{
    /// <summary>The storage kind shares name in plugins.json (<c>"storage": "local"</c>).</summary>
    public const string Kind = "local";

    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Storage.Local",
        new Version(0, 1, 0),
        "Stores a share's files in a folder on this machine, with atomic staged writes that can be resumed.",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddStorage(Kind, ctx => new LocalFileStore(LocalStoreOptions.From(ctx), ctx.ComponentName, ctx.LoggerFactory));
    }
}
