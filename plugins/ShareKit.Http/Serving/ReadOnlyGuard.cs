using Microsoft.AspNetCore.Http;

namespace ShareKit.Http.Serving;

/// <summary>The site is strictly read-only: anything but GET and HEAD is answered 405 before it reaches a page.</summary>
internal static class ReadOnlyGuard
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD";
        return Task.CompletedTask;
    }
}
