using Microsoft.AspNetCore.Http;

namespace ShareKit.Http.Serving;

/// <summary>Headers on every reply: pages load nothing from elsewhere and run no script; nothing is sniffed into another type.</summary>
internal static class SecurityHeaders
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors 'none'; form-action 'self'";
        return next(context);
    }
}
