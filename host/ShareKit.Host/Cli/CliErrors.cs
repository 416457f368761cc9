using System.CommandLine;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary>Turns errors into one readable line on stderr and the documented exit code (stack traces only with --verbose).</summary>
internal static class CliErrors
{
    public static int Run(ParseResult parse, Func<int> action) =>
        RunAsync(parse, _ => Task.FromResult(action()), CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(ParseResult parse, Func<CancellationToken, Task<int>> action, CancellationToken ct)
    {
        var verbose = parse.GetValue(GlobalOptions.Verbose);
        try
        {
            return await action(ct);
        }
        catch (ConfigurationException e)
        {
            Report("configuration error", e, verbose);
            return ExitCodes.UsageOrConfiguration;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("sharekit: stopped.");
            return ExitCodes.Failed;
        }
        catch (ShareKitException e)
        {
            Report("error", e, verbose);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report("error", e, verbose);
            return ExitCodes.Failed;
        }
    }

    private static void Report(string kind, Exception e, bool verbose)
    {
        Console.Error.WriteLine($"sharekit: {kind}: {e.Message}");
        if (verbose)
        {
            Console.Error.WriteLine(e);
        }
    }
}
