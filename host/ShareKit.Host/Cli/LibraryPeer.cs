using System.CommandLine;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary>The peer argument and connection options that every <c>library</c> verb shares, and the connect step.</summary>
internal sealed class LibraryPeer
{
    public Argument<string> Target { get; } = new("peer") { Description = "An address such as tcp://192.168.1.7:53531, or a peer's name as `sharekit peers` shows it." };

    public Option<double> FindTimeout { get; } = new("--find-timeout")
    {
        Description = "Seconds to look for a peer given by name.",
        DefaultValueFactory = _ => 3.0,
    };

    public Option<string?> Layers { get; } = LayerOption.Create();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Target);
        command.Options.Add(FindTimeout);
        command.Options.Add(Layers);
    }

    /// <summary>Resolves the peer and returns a function that opens one library connection to it.</summary>
    public async Task<Func<CancellationToken, Task<LibraryClient>>> ResolveAsync(
        ParseResult parse, HostBootstrap host, NodeComponents components, ILogger logger, CancellationToken ct)
    {
        var remote = await PeerResolver.ResolveAsync(components, parse.GetValue(Target)!, parse.GetValue(FindTimeout), logger, ct);
        var layers = LayerOption.Resolve(parse.GetValue(Layers), host.Settings);
        var connector = new PeerConnector(components, PeerConnector.ResolveLayers(components, layers, pairingCode: null));
        return token => LibraryClient.ConnectAsync(connector.For(remote), components.Node, token);
    }

    /// <summary>A library path as a user types it: leading and trailing slashes do not matter.</summary>
    public static string Normalize(string? path) => (path ?? string.Empty).Trim('/');
}
