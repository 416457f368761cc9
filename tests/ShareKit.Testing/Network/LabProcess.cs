using System.Diagnostics;
using System.Text;

namespace ShareKit.Testing.Network;

/// <summary>
/// A program running inside a lab namespace. Its standard output is kept line by line so a test can wait for a
/// line; standard error is kept for failure messages. <c>ip netns exec</c> execs the program in place, so the
/// process id is the program's own (kill means kill, with no chance to say goodbye).
/// </summary>
public sealed class LabProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly StringBuilder errors = new();
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LabProcess(string description, ProcessStartInfo info)
    {
        Description = description;
        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    if (errors.Length < 1_000_000)
                    {
                        errors.AppendLine(e.Data);
                    }
                }
            }
        };
        process.Exited += (_, _) => Signal();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Description { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>A copy of the standard output lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (gate)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>Waits until a line from index <paramref name="from"/> on matches; returns its index and text.</summary>
    public async Task<(int Index, string Line)> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what, int from = 0)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (gate)
            {
                for (var i = from; i < lines.Count; i++)
                {
                    if (match(lines[i]))
                    {
                        return (i, lines[i]);
                    }
                }

                signal = changed.Task;
            }

            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero || (process.HasExited && signal.IsCompleted))
            {
                throw new TimeoutException(
                    $"{Description}: no line for '{what}' within {timeout.TotalSeconds:0.#} s{(process.HasExited ? " (process exited)" : string.Empty)}.\n" +
                    $"--- stdout\n{string.Join('\n', Lines.TakeLast(40))}\n--- stderr (tail)\n{Tail(StandardError, 4000)}");
            }

            await Task.WhenAny(signal, Task.Delay(left));
        }
    }

    /// <summary>Writes a line to the program's standard input.</summary>
    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the program to exit by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Description} did not exit within {timeout.TotalSeconds:0.#} s.\n{Tail(StandardError, 4000)}");
        }

        return process.ExitCode;
    }

    /// <summary>The CPU time (user + system) the process has used so far, from /proc.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Kills the program at once (SIGKILL): no clean-up, no goodbye.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];

    private void Add(string? line)
    {
        if (line is null)
        {
            Signal();
            return;
        }

        lock (gate)
        {
            if (lines.Count < 1_000_000)
            {
                lines.Add(line);
            }
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource old;
        lock (gate)
        {
            old = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }
}
