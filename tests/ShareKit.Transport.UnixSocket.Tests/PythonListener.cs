using System.Diagnostics;
using ShareKit.Testing;

namespace ShareKit.Transport.UnixSocket.Tests;

/// <summary>
/// Another program (Python) listening on a Unix socket path, to play the live listener, or (killed with SIGKILL)
/// the process that left a stale socket file behind.
/// </summary>
internal sealed class PythonListener : IAsyncDisposable
{
    private const string Script = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(sys.argv[1])
        s.listen(16)
        print("ready", flush=True)
        sys.stdin.read()
        """;

    private readonly Process process;

    private PythonListener(Process process) => this.process = process;

    public static async Task<PythonListener> StartAsync(string path)
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3");
        var info = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(path);
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var listener = new PythonListener(process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        Assert.Equal("ready", line);
        return listener;
    }

    /// <summary>SIGKILL: the process gets no chance to remove its socket file.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }
}
