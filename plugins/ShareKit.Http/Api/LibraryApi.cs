using System.Globalization;
using Microsoft.AspNetCore.Http;
using ShareKit.Http.Pages;
using ShareKit.Http.Serving;
using ShareKit.Sdk;

namespace ShareKit.Http.Api;

/// <summary>
/// The JSON API under <c>/api/</c>: <c>browse/{path}</c> (a folder), <c>search?q=&amp;kind=&amp;in=</c> and
/// <c>entry/{path}</c>; pages with <c>offset</c> and <c>limit</c> (at most <see cref="MaxLimit"/>).
/// </summary>
internal sealed class LibraryApi(ILibraryCatalog catalog)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public async Task<IResult> BrowseAsync(HttpRequest request, string? route, CancellationToken ct)
    {
        if (!RequestPaths.TryParse(route, out var folder, out var error))
        {
            return Problem(StatusCodes.Status400BadRequest, $"The path is not allowed: {error}.");
        }

        if (!TryPaging(request, out var offset, out var limit, out error))
        {
            return Problem(StatusCodes.Status400BadRequest, error);
        }

        try
        {
            var page = await catalog.BrowseAsync(folder, offset, limit, ct).ConfigureAwait(false);
            return Results.Json(ToApi(page, offset, limit), ApiJson.Default.ApiPage);
        }
        catch (StoreNotFoundException e)
        {
            return Problem(StatusCodes.Status404NotFound, e.Message);
        }
    }

    public async Task<IResult> SearchAsync(HttpRequest request, CancellationToken ct)
    {
        var words = request.Query["q"].ToString();
        if (words.Length > 500 || words.Any(char.IsControl))
        {
            return Problem(StatusCodes.Status400BadRequest, "q is at most 500 characters, without control characters.");
        }

        if (!KindWords.TryParse(request.Query["kind"].ToString(), out var kind))
        {
            return Problem(StatusCodes.Status400BadRequest, "kind is one of ebook, audio, video, image, document, archive, other, folder.");
        }

        if (!RequestPaths.TryParse(request.Query["in"].ToString(), out var within, out var error))
        {
            return Problem(StatusCodes.Status400BadRequest, $"in is not a folder path: {error}.");
        }

        if (!TryPaging(request, out var offset, out var limit, out error))
        {
            return Problem(StatusCodes.Status400BadRequest, error);
        }

        var page = await catalog.SearchAsync(new CatalogQuery(words, kind) { Within = within }, offset, limit, ct).ConfigureAwait(false);
        return Results.Json(ToApi(page, offset, limit), ApiJson.Default.ApiPage);
    }

    public async Task<IResult> EntryAsync(string? route, CancellationToken ct)
    {
        if (!RequestPaths.TryParse(route, out var path, out var error))
        {
            return Problem(StatusCodes.Status400BadRequest, $"The path is not allowed: {error}.");
        }

        var entry = await catalog.GetAsync(path, ct).ConfigureAwait(false);
        return entry is null
            ? Problem(StatusCodes.Status404NotFound, $"{path.ToDisplayString()} is not in the library.")
            : Results.Json(ToApi(entry), ApiJson.Default.ApiEntry);
    }

    public static IResult Problem(int status, string message) => Results.Json(new ApiError(message), ApiJson.Default.ApiError, statusCode: status);

    private static bool TryPaging(HttpRequest request, out int offset, out int limit, out string error)
    {
        offset = 0;
        limit = DefaultLimit;
        error = string.Empty;
        var offsetText = request.Query["offset"].ToString();
        var limitText = request.Query["limit"].ToString();
        if (offsetText.Length > 0 && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            error = "offset is a whole number, 0 or more.";
            return false;
        }

        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            error = $"limit is a whole number from 1 to {MaxLimit}.";
            return false;
        }

        return true;
    }

    private static ApiPage ToApi(CatalogPage page, int offset, int limit)
    {
        var entries = new ApiEntry[page.Entries.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = ToApi(page.Entries[i]);
        }

        return new ApiPage(page.Total, offset, limit, entries);
    }

    private static ApiEntry ToApi(CatalogEntry entry) => new(
        entry.Path.ToDisplayString(),
        entry.Name,
        KindWords.Of(entry.Kind),
        entry.Title,
        entry.Author,
        entry.File.Length,
        entry.File.LastModified.ToUniversalTime(),
        entry.ContentHash,
        entry.IsDirectory ? Links.Browse(entry.Path) : Links.File(entry.Path));
}
