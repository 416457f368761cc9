using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Host.Node.Messages;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit library ls &lt;peer&gt; [path] [--kind K] [--search words] [--json]</c>: a folder listing or a search.</summary>
internal static class LibraryListCommand
{
    // A listing is fetched page by page; this bounds what one command prints.
    private const int MaxPages = 100;

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var peer = new LibraryPeer();
        var path = new Argument<string?>("path") { Description = "The folder to list (default: the top of the library).", Arity = ArgumentArity.ZeroOrOne };
        var kind = new Option<string?>("--kind") { Description = "Only entries of this kind: ebook, audio, video, image, document, archive, other." };
        var search = new Option<string?>("--search") { Description = "Search the whole library for files whose title, author or path contains all these words." };
        var json = new Option<bool>("--json") { Description = "One JSON document on stdout: {type, entries, total}." };
        var command = new Command("ls", "List a folder of a peer's library, or search it. Exit code 0: listed; 1: failed.");
        peer.AddTo(command);
        command.Arguments.Add(path);
        command.Options.Add(kind);
        command.Options.Add(search);
        command.Options.Add(json);
        command.SetAction((parse, ct) => CliErrors.RunAsync(parse, token => RunAsync(parse, overrides, peer, path, kind, search, json, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse,
        IReadOnlyList<string> overrides,
        LibraryPeer peer,
        Argument<string?> pathArgument,
        Option<string?> kindOption,
        Option<string?> searchOption,
        Option<bool> jsonOption,
        CancellationToken ct)
    {
        using var host = HostBootstrap.Start(parse, overrides);
        var logger = host.LoggerFactory.CreateLogger("ShareKit.Library");
        var components = host.ComposeNode();
        var connect = await peer.ResolveAsync(parse, host, components, logger, ct);
        await using var client = await connect(ct);
        var folder = LibraryPeer.Normalize(parse.GetValue(pathArgument));
        var kind = parse.GetValue(kindOption);
        var words = parse.GetValue(searchOption);
        var entries = new List<LibraryEntry>();
        var total = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            Message request = words is null && kind is null || words is null && folder.Length > 0
                ? new Browse(folder, entries.Count, PeerProtocol.MaxLibraryPage, Kind: kind)
                : new Search(words ?? string.Empty, entries.Count, PeerProtocol.MaxLibraryPage, kind);
            var listing = await client.ListAsync(request, ct);
            entries.AddRange(listing.Entries);
            total = listing.Total;
            if (listing.Entries.Count == 0 || entries.Count >= total)
            {
                break;
            }
        }

        if (parse.GetValue(jsonOption))
        {
            Console.Out.WriteLine(JsonSerializer.Serialize<Message>(new Listing(entries, total), MessageJsonContext.Default.Message));
            return ExitCodes.Ok;
        }

        TextTable.Write(
            ["KIND", "NAME/TITLE", "AUTHOR", "SIZE", "PATH"],
            entries.Select(e => new[]
            {
                e.Kind,
                e.IsDirectory ? e.Name + "/" : e.Title ?? e.Name,
                e.Author ?? string.Empty,
                e.IsDirectory ? string.Empty : ProgressDisplay.Bytes(e.Size),
                e.Path,
            }));
        if (entries.Count < total)
        {
            Console.Error.WriteLine($"({entries.Count} of {total} shown)");
        }

        return ExitCodes.Ok;
    }
}
