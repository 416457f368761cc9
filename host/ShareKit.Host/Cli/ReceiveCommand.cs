using System.CommandLine;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit receive</c>: a foreground receiver that prints where it listens and takes one transfer (or more with --keep).</summary>
internal static partial class ReceiveCommand
{
    private static readonly Option<string?> Listen = new("--listen") { Description = "Where to listen (default tcp://0.0.0.0:0: any free port)." };
    private static readonly Option<string?> Share = new("--share") { Description = "The receive share to store into (default: the first share with access \"receive\")." };
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "Store into this folder instead of a share." };
    private static readonly Option<bool> Yes = new("--yes", "-y") { Description = "Accept every offer without asking." };
    private static readonly Option<bool> Keep = new("--keep") { Description = "Keep receiving after the first transfer, until Ctrl+C." };
    private static readonly Option<bool> Json = new("--json") { Description = "Progress as JSON events on stdout, one per line." };
    private static readonly Option<string?> Layers = LayerOption.Create();

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var command = new Command("receive", "Receive files from a peer: prints the address to give the sender, asks before accepting (unless --yes), verifies every file before it appears.")
        {
            Listen, Share, Output, Yes, Keep, Json, Layers,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(parse, token => RunAsync(parse, overrides, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IReadOnlyList<string> overrides, CancellationToken ct)
    {
        using var host = HostBootstrap.Start(parse, overrides);
        var logger = host.LoggerFactory.CreateLogger("ShareKit.Receive");
        var components = host.ComposeNode();
        var listen = Endpoint.TryParse(parse.GetValue(Listen) ?? "tcp://0.0.0.0:0", out var endpoint, out var error)
            ? endpoint
            : throw new ConfigurationException("--listen", error);
        var (store, accept, onConflict, description) = ReceiveSetup.ChooseTarget(components, parse.GetValue(Share), parse.GetValue(Output));
        var json = parse.GetValue(Json);
        var keep = parse.GetValue(Keep);
        var layers = LayerOption.Resolve(parse.GetValue(Layers), host.Settings);

        var done = new TaskCompletionSource<TransferOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new TransferProgressAdapter(ProgressDisplay.ForConsole(json));
        var context = ReceiveSetup.Context(
            components, store, parse.GetValue(Yes) ? AcceptRule.All : accept, onConflict, OfferPrompt.ForConsole(), progress);
        var endpointServer = new PeerEndpoint(context);
        await using var listener = new PeerListener(components, layers, logger);
        await listener.StartAsync([listen], async (connection, token) =>
        {
            if (await endpointServer.ServeConnectionAsync(connection, token) is { } outcome)
            {
                progress.Finish(outcome);
                done.TrySetResult(outcome);
                if (keep)
                {
                    done = new TaskCompletionSource<TransferOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }, ct);

        foreach (var local in listener.LocalEndpoints)
        {
            Console.Out.WriteLine(local.ToString());
        }

        Console.Out.Flush();
        var endpoints = string.Join(", ", listener.LocalEndpoints);
        var layerWords = layers.Count == 0 ? "plain" : string.Join("+", layers);
        LogWaiting(logger, description, endpoints, layerWords);
        if (keep)
        {
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            return ExitCodes.Ok;
        }

        var result = await done.Task.WaitAsync(ct);
        return result.ExitCode;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "receiving into {Target} on {Endpoints} ({Layers}); waiting for a sender")]
    private static partial void LogWaiting(ILogger logger, string target, string endpoints, string layers);
}
