using Scriban.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Http.Pages;

/// <summary>Turns catalog entries into the values templates show: names, links, sizes and dates already formatted.</summary>
internal static class EntryView
{
    public static ScriptObject From(CatalogEntry entry)
    {
        var path = entry.Path;
        return new ScriptObject
        {
            ["name"] = entry.IsDirectory || path.IsRoot ? (path.IsRoot ? "/" : entry.Name) : entry.Name,
            ["title"] = entry.DisplayTitle,
            ["has_title"] = !string.IsNullOrWhiteSpace(entry.Title),
            ["author"] = entry.Author,
            ["path"] = path.ToDisplayString(),
            ["folder_path"] = path.Parent.ToDisplayString(),
            ["folder_url"] = Links.Browse(path.Parent),
            ["is_folder"] = entry.IsDirectory,
            ["kind"] = KindWords.Of(entry.Kind),
            ["size"] = entry.IsDirectory ? string.Empty : Formatting.Size(entry.File.Length),
            ["bytes"] = entry.File.Length,
            ["modified"] = Formatting.Date(entry.File.LastModified),
            ["sha256"] = entry.ContentHash,
            ["url"] = entry.IsDirectory ? Links.Browse(path) : Links.View(path),
            ["file_url"] = Links.File(path),
            ["download_url"] = Links.Download(path),
            ["media_type"] = ContentTypes.Of(entry.Name),
        };
    }

    /// <summary>The folders from the root down to <paramref name="folder"/>, for breadcrumbs.</summary>
    public static ScriptArray Crumbs(StorePath folder)
    {
        var crumbs = new ScriptArray { new ScriptObject { ["name"] = "Library", ["url"] = Links.Browse(StorePath.Root) } };
        var current = StorePath.Root;
        foreach (var segment in folder.Segments)
        {
            current = current.Append(segment);
            crumbs.Add(new ScriptObject { ["name"] = segment, ["url"] = Links.Browse(current) });
        }

        return crumbs;
    }
}
