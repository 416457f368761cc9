using System.Globalization;
using Microsoft.AspNetCore.Http;
using Scriban.Runtime;

namespace ShareKit.Http.Pages;

/// <summary>Page numbers in query strings (<c>?page=2</c>) and the previous/next links of a listing.</summary>
internal static class Paging
{
    public const int MaxPage = 100_000;

    /// <summary>The 1-based page number, or null when the text is not one.</summary>
    public static int? Page(HttpRequest request)
    {
        var text = request.Query["page"].ToString();
        if (text.Length == 0)
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage ? page : null;
    }

    public static ScriptObject Links(HttpRequest request, int page, int pageSize, int total)
    {
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new ScriptObject
        {
            ["page"] = page,
            ["pages"] = pages,
            ["previous_url"] = page > 1 ? With(request, page - 1) : null,
            ["next_url"] = page < pages ? With(request, page + 1) : null,
        };
    }

    private static string With(HttpRequest request, int page)
    {
        var query = request.Query.Where(q => q.Key != "page").Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())).ToList();
        query.Add(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)));
        return request.Path + QueryString.Create(query).ToUriComponent();
    }
}
