using System.Text;
using Microsoft.AspNetCore.Http;

namespace ShareKit.Http.Pages;

/// <summary>A rendered HTML page with its status code.</summary>
internal static class PageResult
{
    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
