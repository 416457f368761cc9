using System.Diagnostics;

namespace ShareKit.Testing.Network;

/// <summary>Runs a short administrative command (ip, sysctl) synchronously and fails loudly when it fails.</summary>
public static class LabCommand
{
    public static string Run(string fileName, params string[] arguments)
    {
        var (code, output, error) = TryRun(fileName, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' failed (exit {code}): {error.Trim()}");
        }

        return output;
    }

    public static (int ExitCode, string Output, string Error) TryRun(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within 30 s.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
