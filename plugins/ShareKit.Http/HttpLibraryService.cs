using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShareKit.Http.Api;
using ShareKit.Http.Pages;
using ShareKit.Http.Serving;
using ShareKit.Sdk;

namespace ShareKit.Http;

/// <summary>
/// The library web page: Kestrel serving a folder browser, search, item pages with players, downloads with HTTP
/// ranges, and the JSON API, all read-only, over one public-read share.
/// </summary>
internal sealed partial class HttpLibraryService(HttpLibraryOptions options, ComponentContext ctx) : IShareService, IListeningService
{
    private readonly ILogger logger = ctx.LoggerFactory.CreateLogger<HttpLibraryService>();
    private WebApplication? app;

    public IReadOnlyList<string> ListenAddresses { get; private set; } = [];

    public async ValueTask StartAsync(CancellationToken ct)
    {
        var share = ctx.Components.GetShare(options.Share);
        var catalog = ctx.Components.GetCatalog(share.Name);
        var templates = TemplateSet.Load(options.TemplatesDirectory, ctx.SettingsPath);
        var pages = new LibraryPages(catalog, templates, $"{ctx.Node.Name} library");
        var api = new LibraryApi(catalog);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(HttpLibraryService).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxConcurrentConnections = 1000;
            KestrelEndpoints.Listen(kestrel, options.Listen, ctx.SettingsPath);
        });
        builder.Services.AddRoutingCore();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(ctx.LoggerFactory));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var web = builder.Build();
        web.Use(SecurityHeaders.InvokeAsync);
        web.Use(ReadOnlyGuard.InvokeAsync);
        web.UseRouting();
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        web.MapMethods("/", read, (HttpRequest request, CancellationToken token) => pages.BrowseAsync(request, null, token));
        web.MapMethods("/browse/{**path}", read, (HttpRequest request, string? path, CancellationToken token) => pages.BrowseAsync(request, path, token));
        web.MapMethods("/search", read, (HttpRequest request, CancellationToken token) => pages.SearchAsync(request, token));
        web.MapMethods("/view/{**path}", read, (HttpRequest request, string? path, CancellationToken token) => pages.ViewAsync(request, path, token));
        web.MapMethods("/files/{**path}", read, (HttpRequest request, string? path, CancellationToken token) =>
            SendFileAsync(share.Store, pages, request, path, token));
        web.MapMethods("/api/browse/{**path}", read, (HttpRequest request, string? path, CancellationToken token) => api.BrowseAsync(request, path, token));
        web.MapMethods("/api/search", read, (HttpRequest request, CancellationToken token) => api.SearchAsync(request, token));
        web.MapMethods("/api/entry/{**path}", read, (string? path, CancellationToken token) => api.EntryAsync(path, token));
        web.MapMethods("/api/{**rest}", read, () => LibraryApi.Problem(StatusCodes.Status404NotFound, "Not an API address; use /api/browse/, /api/search or /api/entry/."));
        web.MapFallback((CancellationToken token) => pages.Error(StatusCodes.Status404NotFound, "Nothing here", "This address is not a page of the library.", token));

        try
        {
            await web.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await web.DisposeAsync().ConfigureAwait(false);
            throw new ConfigurationException($"{ctx.SettingsPath}:listen", $"the web page cannot listen on {string.Join(", ", options.Listen)}: {e.Message}");
        }

        app = web;
        ListenAddresses = [.. (web.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])];
        var addresses = string.Join(", ", ListenAddresses);
        LogListening(logger, share.Name, addresses);
    }

    public async ValueTask StopAsync(CancellationToken ct)
    {
        if (app is null)
        {
            return;
        }

        var web = app;
        app = null;
        try
        {
            await web.StopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await web.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task<IResult> SendFileAsync(IFileStore store, LibraryPages pages, HttpRequest request, string? route, CancellationToken ct)
    {
        if (!RequestPaths.TryParse(route, out var path, out var error) || path.IsRoot)
        {
            return Task.FromResult(pages.Error(StatusCodes.Status400BadRequest, "This address is not a file in the library", error ?? "no file was named.", ct));
        }

        return FileDownload.SendAsync(request, store, path, request.Query.ContainsKey("download"), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "library web page for the share '{Share}' on {Addresses}")]
    private static partial void LogListening(ILogger logger, string share, string addresses);
}
