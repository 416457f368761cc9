using Microsoft.AspNetCore.Http;
using Scriban.Runtime;
using ShareKit.Http.Serving;
using ShareKit.Sdk;

namespace ShareKit.Http.Pages;

/// <summary>The HTML pages: a folder, search results, one item with its player, and errors.</summary>
internal sealed class LibraryPages(ILibraryCatalog catalog, TemplateSet templates, string siteName)
{
    public const int BrowsePageSize = 100;
    public const int SearchPageSize = 50;

    public async Task<IResult> BrowseAsync(HttpRequest request, string? route, CancellationToken ct)
    {
        if (!RequestPaths.TryParse(route, out var folder, out var error))
        {
            return Error(StatusCodes.Status400BadRequest, "This address is not a path in the library", error, ct);
        }

        if (Paging.Page(request) is not { } page)
        {
            return Error(StatusCodes.Status400BadRequest, "This page number is not one", "use ?page=1, 2, …", ct);
        }

        CatalogPage listing;
        try
        {
            listing = await catalog.BrowseAsync(folder, (page - 1) * BrowsePageSize, BrowsePageSize, ct).ConfigureAwait(false);
        }
        catch (StoreNotFoundException)
        {
            return await catalog.GetAsync(folder, ct).ConfigureAwait(false) is { IsDirectory: false }
                ? Results.Redirect(Links.View(folder))
                : Error(StatusCodes.Status404NotFound, "Nothing here", $"{folder.ToDisplayString()} is not a folder of the library.", ct);
        }

        var model = Common(request);
        model["folder"] = folder.ToDisplayString();
        model["folder_in"] = folder.Value;
        model["crumbs"] = EntryView.Crumbs(folder);
        model["entries"] = Views(listing.Entries);
        model["total"] = listing.Total;
        model["paging"] = Paging.Links(request, page, BrowsePageSize, listing.Total);
        var title = folder.IsRoot ? siteName : $"{folder.Name} — {siteName}";
        return PageResult.Html(templates.Render("browse", title, model, ct));
    }

    public async Task<IResult> SearchAsync(HttpRequest request, CancellationToken ct)
    {
        var words = request.Query["q"].ToString();
        if (words.Length > 500 || words.Any(char.IsControl))
        {
            return Error(StatusCodes.Status400BadRequest, "This search is not one", "at most 500 characters, no control characters.", ct);
        }

        if (!KindWords.TryParse(request.Query["kind"].ToString(), out var kind))
        {
            return Error(StatusCodes.Status400BadRequest, "Unknown kind", "choose ebook, audio, video, image, document, archive or other.", ct);
        }

        if (!RequestPaths.TryParse(request.Query["in"].ToString(), out var within, out var error))
        {
            return Error(StatusCodes.Status400BadRequest, "This folder is not a path in the library", error, ct);
        }

        if (Paging.Page(request) is not { } page)
        {
            return Error(StatusCodes.Status400BadRequest, "This page number is not one", "use ?page=1, 2, …", ct);
        }

        var query = new CatalogQuery(words, kind) { Within = within };
        var results = await catalog.SearchAsync(query, (page - 1) * SearchPageSize, SearchPageSize, ct).ConfigureAwait(false);
        var model = Common(request);
        model["words"] = words;
        model["kind"] = kind is { } k ? KindWords.Of(k) : string.Empty;
        model["folder_in"] = within.Value;
        model["within"] = within.IsRoot ? null : within.ToDisplayString();
        model["entries"] = Views(results.Entries);
        model["total"] = results.Total;
        model["paging"] = Paging.Links(request, page, SearchPageSize, results.Total);
        var title = words.Length == 0 ? $"Search — {siteName}" : $"{words} — {siteName}";
        return PageResult.Html(templates.Render("search", title, model, ct));
    }

    public async Task<IResult> ViewAsync(HttpRequest request, string? route, CancellationToken ct)
    {
        if (!RequestPaths.TryParse(route, out var path, out var error) || path.IsRoot)
        {
            return Error(StatusCodes.Status400BadRequest, "This address is not a file in the library", error ?? "no file was named.", ct);
        }

        var entry = await catalog.GetAsync(path, ct).ConfigureAwait(false);
        if (entry is null)
        {
            return Error(StatusCodes.Status404NotFound, "Nothing here", $"{path.ToDisplayString()} is not in the library.", ct);
        }

        if (entry.IsDirectory)
        {
            return Results.Redirect(Links.Browse(path));
        }

        var model = Common(request);
        model["entry"] = EntryView.From(entry);
        model["crumbs"] = EntryView.Crumbs(path.Parent);
        model["folder_in"] = path.Parent.Value;
        return PageResult.Html(templates.Render("view", $"{entry.DisplayTitle} — {siteName}", model, ct));
    }

    public IResult Error(int status, string heading, string detail, CancellationToken ct)
    {
        var model = new ScriptObject
        {
            ["site_name"] = siteName,
            ["status"] = status,
            ["heading"] = heading,
            ["detail"] = detail,
            ["kinds"] = KindOptions(),
            ["words"] = string.Empty,
            ["kind"] = string.Empty,
            ["folder_in"] = string.Empty,
        };
        return PageResult.Html(templates.Render("error", $"{heading} — {siteName}", model, ct), status);
    }

    private ScriptObject Common(HttpRequest request) => new()
    {
        ["site_name"] = siteName,
        ["kinds"] = KindOptions(),
        ["words"] = request.Query["q"].ToString(),
        ["kind"] = request.Query["kind"].ToString(),
    };

    private static ScriptArray Views(IReadOnlyList<CatalogEntry> entries)
    {
        var list = new ScriptArray(entries.Count);
        foreach (var entry in entries)
        {
            list.Add(EntryView.From(entry));
        }

        return list;
    }

    private static ScriptArray KindOptions()
    {
        var list = new ScriptArray();
        foreach (var kind in KindWords.Filterable)
        {
            list.Add(KindWords.Of(kind));
        }

        return list;
    }
}
