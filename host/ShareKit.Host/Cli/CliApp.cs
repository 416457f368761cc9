using System.CommandLine;
using ShareKit.Host.Configuration;

namespace ShareKit.Host.Cli;

/// <summary>The <c>sharekit</c> command line: verbs, global options, exit codes.</summary>
internal static class CliApp
{
    private const string Description = """
        ShareKit: share files with people on your local network, and publish a library.

        Settings come from plugins.json, then SHAREKIT__SECTION__KEY environment variables, then
        --section:key=value arguments (e.g. --node:name=kiosk).

        Exit codes: 0 ok, 1 failed, 2 usage or configuration error, 3 declined by the receiver.
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var (verbArgs, overrides) = ConfigurationSources.SplitOverrides(args);
        var root = new RootCommand(Description)
        {
            GlobalOptions.Config,
            GlobalOptions.Verbose,
            GlobalOptions.PluginsDirectory,
        };
        root.Subcommands.Add(ServeCommand.Create(overrides));
        root.Subcommands.Add(PluginsCommand.Create(overrides));
        root.Subcommands.Add(PeersCommand.Create(overrides));
        root.Subcommands.Add(SendCommand.Create(overrides));
        root.Subcommands.Add(LibraryCommand.Create(overrides));
        root.Subcommands.Add(ReceiveCommand.Create(overrides));
        root.Subcommands.Add(IdentityCommands.CreateIdentity(overrides));
        root.Subcommands.Add(IdentityCommands.CreateTrust(overrides));
        root.Subcommands.Add(NewPluginCommand.Create());

        var parse = root.Parse(verbArgs);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"sharekit: {error.Message}");
            }

            Console.Error.WriteLine("Run 'sharekit --help' for usage.");
            return ExitCodes.UsageOrConfiguration;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, ct);
    }
}
