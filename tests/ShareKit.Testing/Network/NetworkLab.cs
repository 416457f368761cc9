using System.Diagnostics;
using System.Security.Cryptography;

namespace ShareKit.Testing.Network;

/// <summary>
/// A throw-away multi-host network built from Linux network namespaces, for discovery and transfer tests.
/// Each <see cref="LabLan"/> is a bridge inside a private "switch" namespace; each <see cref="LabNode"/> is a
/// namespace joined to LANs with veth pairs created directly between the switch and the node namespace, so the
/// machine's own namespace and its real interfaces are never touched. Addresses come from 198.18.0.0/15 only.
/// Names carry a random run id, so parallel runs never collide. Dispose kills every started process and deletes
/// every namespace (which deletes the veths and bridges), also when the test failed; a process exit does the same
/// for labs a crashed test left behind.
/// </summary>
public sealed class NetworkLab : IDisposable
{
    private static readonly List<NetworkLab> Live = [];
    private readonly List<LabNode> nodes = [];
    private readonly List<LabLan> lans = [];
    private readonly List<LabProcess> processes = [];
    private readonly List<string> createdNamespaces = [];
    private readonly Lock gate = new();
    private readonly string switchNamespace;
    private bool disposed;

    static NetworkLab()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var lab in Snapshot())
            {
                lab.Dispose();
            }
        };
    }

    private NetworkLab()
    {
        RunId = "sk" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        switchNamespace = RunId + "-sw";
    }

    /// <summary>The random id in every namespace name of this lab (e.g. <c>sk1a2b3c</c>).</summary>
    public string RunId { get; }

    public IReadOnlyList<LabNode> Nodes => nodes;

    /// <summary>Makes an empty lab. Needs root and <c>ip</c>; fails the test with a clear message otherwise.</summary>
    public static NetworkLab Create()
    {
        if (!ExternalTool.IsRoot)
        {
            throw new Xunit.Sdk.XunitException(
                "This test builds network namespaces and must run as root" +
                (ExternalTool.IsCi ? " (CI runs as root: check how the test runner was started)." : " (e.g. sudo tests/run.sh)."));
        }

        ExternalTool.Require("ip", "iproute2");
        var lab = new NetworkLab();
        lock (Live)
        {
            Live.Add(lab);
        }

        try
        {
            lab.AddNamespace(lab.switchNamespace);
            // The switch only forwards frames: no IPv6 chatter of its own on the ports.
            LabCommand.Run("ip", "netns", "exec", lab.switchNamespace, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        }
        catch
        {
            lab.Dispose();
            throw;
        }

        return lab;
    }

    /// <summary>Adds a LAN (a bridge) with subnet 198.18.N.0/24, N = 1, 2, … in order of creation.</summary>
    public LabLan AddLan()
    {
        lock (gate)
        {
            var lan = new LabLan(lans.Count + 1, "br" + (lans.Count + 1));
            LabCommand.Run("ip", "-n", switchNamespace, "link", "add", lan.Bridge, "type", "bridge");
            // Without snooping the bridge floods multicast like a plain switch, which is what discovery expects.
            LabCommand.Run("ip", "-n", switchNamespace, "link", "set", lan.Bridge, "type", "bridge", "mcast_snooping", "0");
            LabCommand.Run("ip", "-n", switchNamespace, "link", "set", lan.Bridge, "up");
            lans.Add(lan);
            return lan;
        }
    }

    /// <summary>Adds a host: a namespace with loopback up and IPv6 duplicate-address detection off (addresses are usable at once).</summary>
    public LabNode AddNode(string name)
    {
        lock (gate)
        {
            var node = new LabNode(this, name, $"{RunId}-{name}");
            AddNamespace(node.Namespace);
            LabCommand.Run("ip", "netns", "exec", node.Namespace, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
            LabCommand.Run("ip", "-n", node.Namespace, "link", "set", "lo", "up");
            nodes.Add(node);
            return node;
        }
    }

    /// <summary>Plugs <paramref name="node"/> into <paramref name="lan"/>: a new interface <c>ethK</c> with the next free address.</summary>
    /// <returns>The node's IPv4 address on that LAN.</returns>
    public string Connect(LabNode node, LabLan lan)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(lan);
        lock (gate)
        {
            var inside = "eth" + node.Interfaces.Count;
            var port = $"l{lan.Number}p{lan.NextPort++}";
            var address = $"198.18.{lan.Number}.{lan.NextHost++}";
            LabCommand.Run("ip", "-n", switchNamespace, "link", "add", port, "type", "veth", "peer", "name", inside, "netns", node.Namespace);
            LabCommand.Run("ip", "-n", switchNamespace, "link", "set", port, "master", lan.Bridge, "up");
            LabCommand.Run("ip", "-n", node.Namespace, "addr", "add", address + "/24", "dev", inside);
            LabCommand.Run("ip", "-n", node.Namespace, "link", "set", inside, "up");
            node.Interfaces.Add((inside, address, lan));
            return address;
        }
    }

    /// <summary>Starts a program inside <paramref name="node"/>'s namespace; it is killed when the lab is disposed.</summary>
    public LabProcess Start(LabNode node, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var info = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var all = new List<string> { "netns", "exec", node.Namespace, fileName };
        all.AddRange(arguments);
        foreach (var argument in all)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new LabProcess($"{node.Name}: {Path.GetFileName(fileName)} {string.Join(' ', arguments)}", info);
        lock (gate)
        {
            processes.Add(process);
        }

        return process;
    }

    /// <summary>Kills the processes, deletes the namespaces (and with them every veth and bridge).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var process in processes)
            {
                process.Dispose();
            }

            foreach (var name in createdNamespaces)
            {
                KillLeftovers(name);
                LabCommand.TryRun("ip", "netns", "del", name);
            }
        }

        lock (Live)
        {
            Live.Remove(this);
        }
    }

    private static NetworkLab[] Snapshot()
    {
        lock (Live)
        {
            return [.. Live];
        }
    }

    /// <summary>Daemons that forked away from a started process (dbus, avahi) would keep a deleted namespace alive.</summary>
    private static void KillLeftovers(string @namespace)
    {
        var (code, output, _) = LabCommand.TryRun("ip", "netns", "pids", @namespace);
        if (code != 0)
        {
            return;
        }

        foreach (var pid in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(pid, out var id) && id != Environment.ProcessId)
            {
                try
                {
                    using var leftover = Process.GetProcessById(id);
                    leftover.Kill(entireProcessTree: true);
                    leftover.WaitForExit(5000);
                }
                catch (ArgumentException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }

    private void AddNamespace(string name)
    {
        LabCommand.Run("ip", "netns", "add", name);
        lock (gate)
        {
            createdNamespaces.Add(name);
        }
    }
}
