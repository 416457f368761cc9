using ShareKit.Sdk;

namespace ShareKit.Http;

/// <summary>Adds the <c>http-library</c> service: a read-only web page and JSON API over a library share.</summary>
public sealed class HttpLibraryPlugin : IShareKitPlugin
{
    /// <summary>The service name in plugins.json.</summary>
    public const string ServiceName = "http-library";

    /// <inheritdoc />
    public PluginInfo Info => new(
        "ShareKit.Http",
        new Version(0, 1, 0),
        "Serves a library share as a web page for browsers and phones: browse, search, play and download, plus a JSON API.",
        SdkInfo.Version);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddService(ServiceName, ctx => new HttpLibraryService(HttpLibraryOptions.From(ctx), ctx));
    }
}
