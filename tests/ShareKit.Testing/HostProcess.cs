using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ShareKit.Testing;

/// <summary>
/// The real <c>sharekit</c> program as a child process (<c>dotnet sharekit.dll …</c>), with its output lines
/// collected so a test can wait for one, send it a signal, or kill it.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> stdout = new();
    private readonly ConcurrentQueue<string> stderr = new();
    private readonly SemaphoreSlim lineArrived = new(0);

    private HostProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Collect(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public IReadOnlyCollection<string> StandardOutput => stdout;

    public IReadOnlyCollection<string> StandardError => stderr;

    public string AllOutput => "--- stdout\n" + string.Join('\n', stdout) + "\n--- stderr\n" + string.Join('\n', stderr);

    /// <summary>Starts <c>sharekit</c> from the repository's build output with the given arguments.</summary>
    public static HostProcess Start(IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null, bool redirectInput = false)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(RepoPaths.HostDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    public StreamWriter StandardInput => process.StandardInput;

    /// <summary>Waits until a line of stdout or stderr satisfies <paramref name="match"/>; fails with all output on timeout or exit.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = stdout.Concat(stderr).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (process.HasExited)
            {
                process.WaitForExit();
                found = stdout.Concat(stderr).FirstOrDefault(match);
                return found ?? throw new InvalidOperationException($"sharekit exited ({process.ExitCode}) before the expected line.\n{AllOutput}");
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No expected line from sharekit within {timeout}.\n{AllOutput}");
            }

            await lineArrived.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(100, left.TotalMilliseconds)));
        }
    }

    /// <summary>Sends a POSIX signal (e.g. 15 for SIGTERM, 2 for SIGINT).</summary>
    public void Signal(int signal)
    {
        if (Kill(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"sharekit did not exit within {timeout}.\n{AllOutput}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lineArrived.Dispose();
    }

    private void Collect(ConcurrentQueue<string> queue, string? line)
    {
        if (line is null)
        {
            return;
        }

        queue.Enqueue(line);
        lineArrived.Release();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
