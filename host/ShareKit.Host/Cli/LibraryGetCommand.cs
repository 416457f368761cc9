using System.CommandLine;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary>
/// <c>sharekit library get &lt;peer&gt; &lt;path&gt;… [-o dir]</c>: downloads library files through a local store's staged
/// writes, so a partial file is never visible, a second run continues where the first stopped, and nothing unverified
/// is committed.
/// </summary>
internal static partial class LibraryGetCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var peer = new LibraryPeer();
        var paths = new Argument<string[]>("paths") { Description = "Files of the library, as `sharekit library ls` shows them.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to save into (default: the current folder)." };
        var json = new Option<bool>("--json") { Description = "Progress as JSON events on stdout, one per line." };
        var command = new Command("get", "Download files from a peer's library, verified and resumable. Exit code 0: every file saved; 1: a file failed.");
        peer.AddTo(command);
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction((parse, ct) => CliErrors.RunAsync(parse, token => RunAsync(parse, overrides, peer, paths, output, json, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse,
        IReadOnlyList<string> overrides,
        LibraryPeer peer,
        Argument<string[]> pathsArgument,
        Option<string?> outputOption,
        Option<bool> jsonOption,
        CancellationToken ct)
    {
        using var host = HostBootstrap.Start(parse, overrides);
        var logger = host.LoggerFactory.CreateLogger("ShareKit.Library");
        var components = host.ComposeNode();
        var root = Path.GetFullPath(parse.GetValue(outputOption) ?? ".");
        var store = components.CreateStore("local", "output", new Dictionary<string, string?> { ["root"] = root });
        var connect = await peer.ResolveAsync(parse, host, components, logger, ct);
        var paths = parse.GetValue(pathsArgument)!.Select(LibraryPeer.Normalize).ToList();
        var progress = new TransferProgressAdapter(ProgressDisplay.ForConsole(parse.GetValue(jsonOption)));
        var fetch = new LibraryFetch(store, connect, progress, paths.Count, logger);
        string? firstFailure = null;
        foreach (var path in paths)
        {
            if (await fetch.GetAsync(path, ct) is { } failure)
            {
                LogFailed(logger, path, failure);
                firstFailure ??= $"{path}: {failure}";
            }
        }

        var outcome = new TransferOutcome(
            firstFailure is null ? TransferStatus.Delivered : TransferStatus.Failed, firstFailure, fetch.PeerName, [], fetch.ContentBytes);
        progress.Finish(outcome);
        return firstFailure is null ? ExitCodes.Ok : ExitCodes.Failed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string path, string reason);
}
