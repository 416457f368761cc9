using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ShareKit.Testing.S3;

/// <summary>
/// A single-node Ceph object store (mon, memstore OSD, radosgw) on 127.0.0.1, started by the repository's
/// <c>tests/fixtures/ceph-rgw/start.sh</c> on free ports and stopped (daemons killed, state removed) on dispose.
/// Missing Ceph programs fail the test with how to install them. Memstore keeps objects in RAM: keep data small.
/// </summary>
public sealed partial class CephRgw : IAsyncDisposable
{
    public const string AccessKey = "AKTEST";
    public const string SecretKey = "SKTEST";
    private const int Sigstop = 19;
    private const int Sigcont = 18;
    private static readonly (string Tool, string Package)[] Tools =
    [
        ("ceph-mon", "ceph-mon"), ("monmaptool", "ceph-mon"), ("ceph-osd", "ceph-osd"), ("radosgw", "radosgw"),
        ("radosgw-admin", "radosgw"), ("ceph", "ceph-common"), ("curl", "curl"),
    ];

    private readonly string stateDirectory;

    private CephRgw(string stateDirectory, int port)
    {
        this.stateDirectory = stateDirectory;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The S3 endpoint, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Where the daemons keep their state and logs.</summary>
    public string StateDirectory => stateDirectory;

    private static string Scripts => Path.Combine(RepoPaths.Root, "tests", "fixtures", "ceph-rgw");

    /// <summary>Starts a fresh store; takes about 12–20 s.</summary>
    public static async Task<CephRgw> StartAsync()
    {
        foreach (var (tool, package) in Tools)
        {
            ExternalTool.Require(tool, package);
        }

        var state = Path.Combine(Path.GetTempPath(), "sharekit-ceph-" + Guid.NewGuid().ToString("N")[..12]);
        var rgwPort = FreePort();
        var monPort = FreePort();
        var result = await ProcessRunner.RunAsync(
            Path.Combine(Scripts, "start.sh"),
            [state],
            TimeSpan.FromSeconds(120),
            environment: new Dictionary<string, string>
            {
                ["MON_PORT"] = monPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RGW_PORT"] = rgwPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ACCESS_KEY"] = AccessKey,
                ["SECRET_KEY"] = SecretKey,
                ["WATCH_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Ceph RGW did not start (tests/fixtures/ceph-rgw/start.sh):\n{result}");
        }

        return new CephRgw(state, rgwPort);
    }

    /// <summary>Freezes radosgw (SIGSTOP): connections stay open but nothing answers, as with a hung server.</summary>
    public void Pause() => Signal(Sigstop);

    /// <summary>Lets a paused radosgw run again (SIGCONT).</summary>
    public void Resume() => Signal(Sigcont);

    public async ValueTask DisposeAsync()
    {
        var result = await ProcessRunner.RunAsync(Path.Combine(Scripts, "stop.sh"), [stateDirectory], TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Ceph RGW did not stop cleanly:\n{result}");
        }
    }

    private void Signal(int signal)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(stateDirectory, "rgw.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
