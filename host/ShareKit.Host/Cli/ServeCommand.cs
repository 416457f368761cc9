using System.CommandLine;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Runtime;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit serve</c>: runs the node with every enabled share, service and discovery until Ctrl+C or SIGTERM.</summary>
internal static partial class ServeCommand
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(1.5);

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var command = new Command("serve", "Run this node: its shares, services (FTP, web page) and discovery, until Ctrl+C or SIGTERM.");
        command.SetAction((parse, ct) => CliErrors.RunAsync(parse, async token =>
        {
            using var host = HostBootstrap.Start(parse, overrides);
            var logger = host.LoggerFactory.CreateLogger("ShareKit.Serve");
            var runner = new NodeRunner(host.ComposeNode(), logger, OfferPrompt.ForConsole());
            try
            {
                await runner.StartAsync(token);
                foreach (var line in runner.Describe())
                {
                    LogComponent(logger, line);
                }

                LogReady(logger);
                await WaitForStop(token);
                LogStopping(logger);
                return ExitCodes.Ok;
            }
            finally
            {
                await runner.StopAsync(StopDeadline);
            }
        }, ct));
        return command;
    }

    private static async Task WaitForStop(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogComponent(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "ready; press Ctrl+C to stop")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping")]
    private static partial void LogStopping(ILogger logger);
}
