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
    private static readonly Option<bool> Code = new("--code") { Description = "Pair with the receiver by a short code instead of trusting on first use: prints a code to type into `sharekit receive --code`." };

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var command = new Command("send", "Send files and folders to a peer. Exit code 0: delivered and verified; 1: failed; 3: declined by the receiver.")
        {
            Target, Paths, Json, FindTimeout, Layers, Code,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(parse, token => RunAsync(parse, overrides, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IReadOnlyList<string> overrides, CancellationToken ct)
    {
        using var host = HostBootstrap.Start(parse, overrides);
        var logger = host.LoggerFactory.CreateLogger("ShareKit.Send");
        var components = host.ComposeNode();
        var remote = await PeerResolver.ResolveAsync(components, parse.GetValue(Target)!, parse.GetValue(FindTimeout), logger, ct);
        var layers = LayerOption.Resolve(parse.GetValue(Layers), host.Settings);
        string? code = null;
        if (parse.GetValue(Code))
        {
            code = components.Settings.Endpoint.Layers.Concat(layers).Select(components.GetLayer).OfType<IPairingLayer>().FirstOrDefault()?.NewPairingCode()
                ?? throw new ConfigurationException("--code", "pairing needs a layer that can pair (e.g. encrypted).");
            Console.Error.WriteLine($"Pairing code: {code}");
            Console.Error.WriteLine($"On the receiving side run: sharekit receive --code {code}");
        }

        var connector = new PeerConnector(components, PeerConnector.ResolveLayers(components, layers, code));
        var layerWords = layers.Count == 0 ? "plain" : string.Join("+", layers);
        var remoteText = remote.ToString();
        LogSending(logger, remoteText, layerWords);

        var progress = new TransferProgressAdapter(ProgressDisplay.ForConsole(parse.GetValue(Json)));
        var connect = code is null ? connector.For(remote) : WaitingForReceiver(connector.For(remote));
        var outcome = await PeerSender.SendAsync(
            connect, parse.GetValue(Paths)!, new SendOptions { Node = components.Node }, progress, ct);
        progress.Finish(outcome);
        return outcome.ExitCode;
    }

    /// <summary>
    /// With a pairing code the receiver starts after the sender printed the code, so the first connection is retried
    /// while nothing listens yet (for up to five minutes).
    /// </summary>
    private static Func<CancellationToken, ValueTask<IConnection>> WaitingForReceiver(Func<CancellationToken, ValueTask<IConnection>> connect)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        return async ct =>
        {
            while (true)
            {
                try
                {
                    return await connect(ct);
                }
                catch (TransportException e) when (e.Reason == TransportFailure.Refused && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
                }
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sending to {Remote} ({Layers})")]
    private static partial void LogSending(ILogger logger, string remote, string layers);
}
