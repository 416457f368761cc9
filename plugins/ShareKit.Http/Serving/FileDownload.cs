using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ShareKit.Sdk;

namespace ShareKit.Http.Serving;

/// <summary>
/// Sends one file of the share. ASP.NET's stream result does the HTTP: <c>Range</c> (206, 416 with
/// <c>Content-Range: bytes */length</c>), <c>Accept-Ranges</c>, conditional requests on the ETag and
/// Last-Modified (304, 412) and <c>If-Range</c>. The ETag names the file version (size and modification time).
/// </summary>
internal static class FileDownload
{
    public static async Task<IResult> SendAsync(HttpRequest request, IFileStore store, StorePath path, bool asAttachment, CancellationToken ct)
    {
        IgnoreUnknownRangeUnits(request);
        var file = await store.StatAsync(path, ct).ConfigureAwait(false);
        if (file is null || file.IsDirectory)
        {
            return Results.NotFound();
        }

        Stream content;
        try
        {
            content = await store.OpenReadAsync(path, 0, ct).ConfigureAwait(false);
        }
        catch (StoreNotFoundException)
        {
            // Deleted between the stat and the open.
            return Results.NotFound();
        }

        if (!content.CanSeek)
        {
            // Stores that stream forward only (S3) still answer ranges: a seek reopens them at the offset.
            content = new ReopeningReadStream(store, path, file.Length, content);
        }

        var tag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\""));
        var type = ContentTypes.Of(file.Name);
        if (!asAttachment && IsActive(type))
        {
            // HTML and SVG from the library run in a sandbox, never as this site.
            return new SandboxedResult(Results.Stream(content, type, null, file.LastModified, tag, enableRangeProcessing: content.CanSeek));
        }

        return Results.Stream(content, type, asAttachment ? file.Name : null, file.LastModified, tag, enableRangeProcessing: content.CanSeek);
    }

    /// <summary>RFC 9110 §14.2: a Range in a unit other than bytes is ignored (ASP.NET would read "items=0-9" as bytes).</summary>
    private static void IgnoreUnknownRangeUnits(HttpRequest request)
    {
        var range = request.Headers.Range;
        if (range.Count > 0 && !range.ToString().TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Remove(HeaderNames.Range);
        }
    }

    private static bool IsActive(string type) =>
        type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("image/svg", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("application/xhtml", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase);

    private sealed class SandboxedResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = "sandbox";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
