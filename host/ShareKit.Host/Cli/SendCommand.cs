using System.CommandLine;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit send &lt;peer|address&gt; &lt;file|folder&gt;…</c>: offers files to a peer and streams what it accepts, with progress.</summary>
internal static partial class SendCommand
{
    private static readonly Argument<string> Target = new("peer") { Description = "An address such as tcp://192.168.1.7:53531, or a peer's name as `sharekit peers` shows it." };
    private static readonly Argument<string[]> Paths = new("paths") { Description = "Files and folders to send.", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<bool> Json = new("--json") { Description = "Progress as JSON events on stdout, one per line." };
    private static readonly Option<double> FindTimeout = new("--find-timeout")
    {
        Description = "Seconds to look for a peer given by name.",
        DefaultValueFactory = _ => 3.0,
    };

    private static readonly Option<string?> Layers = LayerOption.Create();

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var command = new Command("send", "Send files and folders to a peer. Exit code 0: delivered and verified; 1: failed; 3: declined by the receiver.")
        {
            Target, Paths, Json, FindTimeout, Layers,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(parse, token => RunAsync(parse, overrides, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IReadOnlyList<string> overrides, CancellationToken ct)
    {
        using var host = HostBootstrap.Start(parse, overrides);
        var logger = host.LoggerFactory.CreateLogger("ShareKit.Send");
        var components = host.ComposeNode();
        var remote = await ResolveAsync(components, parse.GetValue(Target)!, parse.GetValue(FindTimeout), logger, ct);
        var layers = LayerOption.Resolve(parse.GetValue(Layers), host.Settings);
        var connector = new PeerConnector(components, layers);
        var layerWords = layers.Count == 0 ? "plain" : string.Join("+", layers);
        var remoteText = remote.ToString();
        LogSending(logger, remoteText, layerWords);

        var progress = new TransferProgressAdapter(ProgressDisplay.ForConsole(parse.GetValue(Json)));
        var outcome = await PeerSender.SendAsync(
            connector.For(remote), parse.GetValue(Paths)!, new SendOptions { Node = components.Node }, progress, ct);
        progress.Finish(outcome);
        return outcome.ExitCode;
    }

    /// <summary>An address as given, or the endpoint of a peer found by name through discovery.</summary>
    private static async Task<Endpoint> ResolveAsync(NodeComponents components, string target, double findSeconds, ILogger logger, CancellationToken ct)
    {
        if (target.Contains("://", StringComparison.Ordinal))
        {
            return Endpoint.TryParse(target, out var endpoint, out var error) ? endpoint : throw new ConfigurationException("peer", error);
        }

        await using var browser = new DiscoveryBrowser(components, logger);
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        browser.Changed += sighting =>
        {
            if (string.Equals(sighting.Node.Name, target, StringComparison.OrdinalIgnoreCase))
            {
                found.TrySetResult();
            }
        };
        browser.Start();
        try
        {
            // Give other mechanisms a moment after the first sighting, so a duplicate name is noticed.
            await found.Task.WaitAsync(TimeSpan.FromSeconds(findSeconds), ct);
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        }
        catch (TimeoutException)
        {
        }

        var peer = browser.Peers.Resolve(target);
        var transports = components.Settings.Endpoint.Listen.Select(e => e.Scheme).Append("tcp").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return peer.Endpoints.FirstOrDefault(e => transports.Contains(e.Scheme))
            ?? throw new ShareKitException($"The peer '{peer.Name}' announces no address this node can reach ({string.Join(", ", peer.Endpoints)}).");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sending to {Remote} ({Layers})")]
    private static partial void LogSending(ILogger logger, string remote, string layers);
}
