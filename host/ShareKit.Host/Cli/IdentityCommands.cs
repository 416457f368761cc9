using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit identity</c> (this node's fingerprint) and <c>sharekit trust</c> (the known-peers store).</summary>
internal static class IdentityCommands
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON." };
    private static readonly Argument<string?> Fingerprint = new("fingerprint")
    {
        Description = "Accept this refused key deliberately (shown by the warning when a peer's key changed).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> Forget = new("--forget") { Description = "Forget the key pinned for this node id, so the next contact is a first contact." };

    public static Command CreateIdentity(IReadOnlyList<string> overrides)
    {
        var command = new Command("identity", "Show this node's name, id and key fingerprint, for people to compare before trusting.") { Json };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            using var host = HostBootstrap.Start(parse, overrides);
            var components = host.ComposeNode();
            var fingerprint = IdentityLayer(components).LocalFingerprint;
            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new IdentityJson(components.Node.Name, components.Node.Id.Value, fingerprint), TrustJsonContext.Default.IdentityJson));
            }
            else
            {
                Console.Out.WriteLine($"name         {components.Node.Name}");
                Console.Out.WriteLine($"node id      {components.Node.Id}");
                Console.Out.WriteLine($"fingerprint  {fingerprint}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command CreateTrust(IReadOnlyList<string> overrides)
    {
        var command = new Command("trust", "List the peers whose keys are pinned (and refused keys); accept a refused key by its fingerprint; or --forget a node.")
        {
            Fingerprint, Forget, Json,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            using var host = HostBootstrap.Start(parse, overrides);
            var layer = IdentityLayer(host.ComposeNode());
            if (parse.GetValue(Forget) is { } forget)
            {
                var id = NodeId.TryParse(forget, out var parsed) ? parsed : throw new ConfigurationException("--forget", $"'{forget}' is not a node id (32 hex digits; see `sharekit trust`).");
                if (!layer.Forget(id))
                {
                    throw new ShareKitException($"No key is pinned for node {id}.");
                }

                Console.Error.WriteLine($"Forgot the key of node {id}; the next contact will be a first contact.");
                return ExitCodes.Ok;
            }

            if (parse.GetValue(Fingerprint) is { } fingerprint)
            {
                if (!layer.Trust(fingerprint))
                {
                    throw new ShareKitException($"No refused key has the fingerprint {fingerprint}; `sharekit trust` lists them.");
                }

                Console.Error.WriteLine($"Trusted the key {fingerprint}.");
                return ExitCodes.Ok;
            }

            var peers = layer.KnownPeers;
            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    [.. peers.Select(p => new KnownPeerJson(p.NodeId.Value, p.Name, p.Fingerprint, p.Since, p.Refused ? "refused" : "pinned"))],
                    TrustJsonContext.Default.ListKnownPeerJson));
            }
            else if (peers.Count == 0)
            {
                Console.Out.WriteLine("No known peers yet.");
            }
            else
            {
                TextTable.Write(
                    ["NAME", "NODE ID", "FINGERPRINT", "STATE", "SINCE"],
                    peers.Select(p => new[] { p.Name, p.NodeId.Value, p.Fingerprint, p.Refused ? "refused" : "pinned", p.Since.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) }));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The authenticating layer of the peer endpoint (or the <c>encrypted</c> layer if the endpoint has none).</summary>
    private static IIdentityLayer IdentityLayer(NodeComponents components)
    {
        var names = components.Settings.Endpoint.Layers.Count > 0 ? components.Settings.Endpoint.Layers : ["encrypted"];
        return names.Select(components.GetLayer).OfType<IIdentityLayer>().FirstOrDefault()
            ?? throw new ConfigurationException("endpoint:layers", "no configured layer authenticates nodes (enable the encrypted layer).");
    }
}

/// <summary><c>sharekit identity --json</c>.</summary>
internal sealed record IdentityJson(string Name, string NodeId, string Fingerprint);

/// <summary>One entry of <c>sharekit trust --json</c>.</summary>
internal sealed record KnownPeerJson(string NodeId, string Name, string Fingerprint, DateTimeOffset Since, string State);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IdentityJson))]
[JsonSerializable(typeof(List<KnownPeerJson>))]
internal sealed partial class TrustJsonContext : JsonSerializerContext;
