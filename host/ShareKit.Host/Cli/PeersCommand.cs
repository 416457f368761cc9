using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit peers</c>: the nodes on the network, merged across discovery mechanisms.</summary>
internal static class PeersCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON: one document, or with --watch one event per line." };
    private static readonly Option<bool> Watch = new("--watch") { Description = "Keep watching and show changes until Ctrl+C." };
    private static readonly Option<double> Wait = new("--wait")
    {
        Description = "Seconds to listen before printing (without --watch).",
        DefaultValueFactory = _ => 2.0,
    };

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var command = new Command("peers", "List the ShareKit nodes on your network: name, address, what they offer, fingerprint, which discovery saw them.")
        {
            Json,
            Watch,
            Wait,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(parse, async token =>
        {
            using var host = HostBootstrap.Start(parse, overrides);
            await using var browser = new DiscoveryBrowser(host.ComposeNode(), host.LoggerFactory.CreateLogger("ShareKit.Peers"));
            var json = parse.GetValue(Json);
            if (parse.GetValue(Watch))
            {
                browser.Changed += sighting => Show(browser.Peers, sighting, json);
                browser.Start();
                await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => { }, TaskScheduler.Default);
                return ExitCodes.Ok;
            }

            browser.Start();
            var wait = parse.GetValue(Wait);
            if (wait is < 0 or > 3600)
            {
                throw new ConfigurationException("--wait", "must be between 0 and 3600 seconds.");
            }

            await Task.Delay(TimeSpan.FromSeconds(wait), token);
            var peers = browser.Peers.Snapshot();
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize([.. peers.Select(ToJson)], PeersJsonContext.Default.ListPeerJson));
            }
            else
            {
                WriteTable(peers);
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static readonly Lock ConsoleGate = new();

    private static void Show(PeerDirectory peers, NodeSighting sighting, bool json)
    {
        lock (ConsoleGate)
        {
            if (json)
            {
                var change = new PeerChangeJson(sighting.Kind.ToString().ToLowerInvariant(), sighting.Source, ToJson(sighting.Node, sighting));
                Console.Out.WriteLine(JsonSerializer.Serialize(change, PeersJsonContext.Default.PeerChangeJson));
            }
            else if (!Console.IsOutputRedirected)
            {
                Console.Clear();
                WriteTable(peers.Snapshot());
            }
            else
            {
                Console.Out.WriteLine($"{sighting.Kind.ToString().ToLowerInvariant()} {sighting.Node.Name} ({sighting.Source}) {string.Join(", ", sighting.Node.Endpoints)}");
            }
        }
    }

    private static PeerJson ToJson(PeerDirectory.Peer peer) => new(
        peer.Id.Value, peer.Name, [.. peer.Endpoints.Select(e => e.ToString())], peer.Capabilities, peer.Fingerprint, peer.Sources, peer.LastSeen);

    private static PeerJson ToJson(NodeAnnouncement node, NodeSighting sighting) => new(
        node.Id.Value, node.Name, [.. node.Endpoints.Select(e => e.ToString())], node.Capabilities, node.Fingerprint, [sighting.Source], sighting.SeenAt);

    private static void WriteTable(IReadOnlyList<PeerDirectory.Peer> peers)
    {
        if (peers.Count == 0)
        {
            Console.Out.WriteLine("No peers found.");
            return;
        }

        var now = DateTimeOffset.UtcNow;
        TextTable.Write(
            ["NAME", "ADDRESS", "OFFERS", "FINGERPRINT", "SEEN BY", "AGE"],
            peers.Select(p => new[]
            {
                p.Name,
                string.Join(", ", p.Endpoints),
                p.Capabilities.Count == 0 ? "-" : string.Join(",", p.Capabilities),
                p.Fingerprint ?? "-",
                string.Join(",", p.Sources),
                string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (now - p.LastSeen).TotalSeconds):0}s"),
            }));
    }
}

/// <summary>One peer in <c>sharekit peers --json</c>.</summary>
internal sealed record PeerJson(
    string Id,
    string Name,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<string> Capabilities,
    string? Fingerprint,
    IReadOnlyList<string> SeenBy,
    DateTimeOffset LastSeen);

/// <summary>One change in <c>sharekit peers --watch --json</c>.</summary>
internal sealed record PeerChangeJson(string Event, string Source, PeerJson Peer);

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PeerJson>))]
[JsonSerializable(typeof(PeerChangeJson))]
internal sealed partial class PeersJsonContext : JsonSerializerContext;
