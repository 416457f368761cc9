using ShareKit.Sdk;
using ShareKit.Testing;
using ShareKit.Testing.Network;

namespace ShareKit.Discovery.Tests.Infrastructure;

/// <summary>A ShareKit.Discovery.Probe process running one discovery plugin inside a lab node.</summary>
internal sealed class DiscoveryProbe
{
    private DiscoveryProbe(LabProcess process, string id, string name)
    {
        Process = process;
        Id = id;
        Name = name;
    }

    public LabProcess Process { get; }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The wall clock (Unix ms) at which the probe started announcing.</summary>
    public long AnnouncedAt { get; private set; }

    public static string ProbeDll => Path.Combine(
        RepoPaths.Root, "tests", "ShareKit.Discovery.Probe", "bin", RepoPaths.Configuration, "net10.0", "ShareKit.Discovery.Probe.dll");

    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ExternalTool.Require("dotnet", "dotnet-sdk");

    /// <summary>Starts a probe announcing <paramref name="name"/> and waits until it announces.</summary>
    public static async Task<DiscoveryProbe> StartAsync(LabNode node, string plugin, string name, params string[] extra)
    {
        var id = NodeId.NewRandom().Value;
        var process = node.Start(Dotnet, [ProbeDll, "run", "--plugin", plugin, "--name", name, "--id", id, .. extra]);
        var probe = new DiscoveryProbe(process, id, name);
        var (_, line) = await process.WaitForLineAsync(l => l.Contains("\"announcing\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60), $"{name} announcing");
        probe.AnnouncedAt = ProbeEvent.TryParse(line)!.At;
        return probe;
    }

    /// <summary>Runs a probe sub-command (flood, connect) to completion inside <paramref name="node"/>.</summary>
    public static async Task<string> RunToEndAsync(LabNode node, TimeSpan timeout, params string[] arguments)
    {
        var process = node.Start(Dotnet, [ProbeDll, .. arguments]);
        var code = await process.WaitForExitAsync(timeout);
        await Eventually.TrueAsync(() => process.HasExited, TimeSpan.FromSeconds(5), "probe output drained");
        Assert.True(code == 0, $"probe {string.Join(' ', arguments)} failed with exit {code}:\n{process.StandardError}");
        return string.Join('\n', process.Lines);
    }

    /// <summary>Every event this probe printed so far.</summary>
    public IReadOnlyList<ProbeEvent> Events => [.. Process.Lines.Select(ProbeEvent.TryParse).OfType<ProbeEvent>()];

    /// <summary>Waits for an event of <paramref name="kind"/> about <paramref name="other"/> (from line <paramref name="from"/> on).</summary>
    public async Task<(ProbeEvent Event, int Index)> WaitForAsync(string kind, DiscoveryProbe other, TimeSpan timeout, int from = 0, Func<ProbeEvent, bool>? also = null)
    {
        var (index, line) = await Process.WaitForLineAsync(
            l => ProbeEvent.TryParse(l) is { } e && e.Event == kind && e.Id == other.Id && (also is null || also(e)),
            timeout,
            $"{Name} sees {other.Name} {kind}",
            from);
        return (ProbeEvent.TryParse(line)!, index);
    }

    /// <summary>Asks the probe to stop cleanly (with goodbyes) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        await Process.SendAsync("stop");
        Assert.Equal(0, await Process.WaitForExitAsync(TimeSpan.FromSeconds(20)));
    }
}
