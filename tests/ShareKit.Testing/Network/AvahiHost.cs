namespace ShareKit.Testing.Network;

/// <summary>
/// A private avahi (the Linux mDNS responder) on one lab node: its own dbus-daemon on a socket in a temp folder and
/// an avahi-daemon limited to the node's interfaces, in a private mount namespace so its pid file and socket under
/// /run/avahi-daemon never meet another avahi. Run avahi-browse / avahi-publish with <see cref="Environment"/>.
/// The lab kills both daemons when it is disposed.
/// </summary>
public sealed class AvahiHost : IDisposable
{
    private readonly TempDirectory folder = new("sharekit-avahi-");

    private AvahiHost(LabNode node) => Node = node;

    public LabNode Node { get; }

    /// <summary>The environment avahi's command-line tools need to reach this avahi.</summary>
    public Dictionary<string, string> Environment => new() { ["DBUS_SYSTEM_BUS_ADDRESS"] = BusAddress };

    private string BusAddress => "unix:path=" + folder.Combine("system_bus_socket");

    /// <summary>Starts dbus-daemon and avahi-daemon in <paramref name="node"/> and waits until avahi is up.</summary>
    public static async Task<AvahiHost> StartAsync(LabNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        ExternalTool.Require("dbus-daemon", "dbus");
        ExternalTool.Require("avahi-daemon", "avahi-daemon");
        ExternalTool.Require("avahi-browse", "avahi-utils");
        var host = new AvahiHost(node);
        var bus = node.Start("dbus-daemon", ["--config-file=/usr/share/dbus-1/system.conf", "--address=" + host.BusAddress, "--nofork", "--nopidfile", "--print-address"]);
        await bus.WaitForLineAsync(l => l.StartsWith("unix:", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "dbus-daemon ready");

        var config = host.folder.Combine("avahi-daemon.conf");
        await File.WriteAllTextAsync(config, $"""
            [server]
            host-name=avahi-{node.Name}
            domain-name=local
            use-ipv4=yes
            use-ipv6=yes
            allow-interfaces={string.Join(',', node.Interfaces.Select(i => i.Interface))}
            enable-dbus=yes
            ratelimit-interval-usec=1000000
            ratelimit-burst=1000

            [wide-area]
            enable-wide-area=no

            [publish]
            publish-hinfo=no
            publish-workstation=no
            """);
        var script = "mkdir -p /run/avahi-daemon && mount -t tmpfs tmpfs /run/avahi-daemon && " +
                     $"exec avahi-daemon --no-drop-root --no-chroot --no-rlimits --no-proc-title -f '{config}' 2>&1";
        var daemon = node.Start("sh", ["-c", script], host.Environment);
        await daemon.WaitForLineAsync(l => l.Contains("Server startup complete", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "avahi-daemon ready");
        return host;
    }

    /// <summary>Runs <c>avahi-browse -rpt TYPE</c> and returns its resolved (<c>=</c>) lines split at ';'.</summary>
    public async Task<IReadOnlyList<string[]>> BrowseAsync(string serviceType)
    {
        var process = Node.Start("avahi-browse", ["-rpt", serviceType], Environment);
        await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return [.. process.Lines.Where(l => l.StartsWith("=;", StringComparison.Ordinal)).Select(l => l.Split(';'))];
    }

    public void Dispose() => folder.Dispose();
}
