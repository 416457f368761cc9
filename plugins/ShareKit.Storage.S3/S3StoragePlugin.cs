using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>Adds the <c>s3</c> storage kind: a share kept in a bucket of an S3-compatible object store.</summary>
public sealed class S3StoragePlugin : IShareKitPlugin
{
    /// <summary>The storage kind shares name in plugins.json (<c>"storage": "s3"</c>).</summary>
    public const string Kind = "s3";

    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Storage.S3",
        new Version(0, 1, 0),
        "Stores a share's files in an S3 bucket (AWS, Ceph RGW, MinIO, Garage), with resumable multipart writes.",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddStorage(Kind, ctx => new S3FileStore(S3StoreOptions.From(ctx), ctx.ComponentName, ctx.LoggerFactory));
    }
}
