using ShareKit.Testing.Network;
using Xunit.Abstractions;

namespace ShareKit.Discovery.Tests.Infrastructure;

/// <summary>
/// The multi-host behaviour both discovery plugins must show, each test on its own throw-away namespace LAN
/// (198.18.0.0/15). The plugins run only inside those namespaces, never on the machine's interfaces.
/// </summary>
public abstract class LanDiscoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    /// <summary>The discovery name the plugin registers.</summary>
    protected abstract string Plugin { get; }

    /// <summary>How soon a joining node must be seen by the others (the issue's promise).</summary>
    protected abstract TimeSpan JoinDeadline { get; }

    /// <summary>Probe settings that make a silent node expire quickly.</summary>
    protected abstract string[] FastExpirySettings { get; }

    /// <summary>The longest a silent node may stay listed under <see cref="FastExpirySettings"/>.</summary>
    protected abstract TimeSpan FastExpiry { get; }

    /// <summary>Where a flood on <paramref name="lan"/> is sent.</summary>
    protected abstract string FloodTarget(LabLan lan);

    [Fact]
    public async Task Two_nodes_see_each_other_and_a_third_joining_is_seen_by_both_within_the_deadline()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb, nc) = (lab.AddNode("a"), lab.AddNode("b"), lab.AddNode("c"));
        foreach (var node in lab.Nodes)
        {
            lab.Connect(node, lan);
        }

        var a = await StartAsync(na, "alpha", "--cap", "receive", "--fp", "AAAA-BBBB-CCCC");
        var b = await StartAsync(nb, "bravo", "--cap", "library", "--listen", "--endpoint", "tcp://0.0.0.0:53531", "--endpoint", "tcp://[::]:53531");
        var (aSeesB, _) = await a.WaitForAsync("appeared", b, Settle);
        var (bSeesA, _) = await b.WaitForAsync("appeared", a, Settle);
        Assert.Equal("bravo", aSeesB.Name);
        Assert.Equal(["library"], aSeesB.Capabilities);
        Assert.Contains($"tcp://{nb.AddressOn(lan)}:53531", aSeesB.Endpoints);

        // IPv6 link-local addresses only work with the interface they were heard on: the sighting carries it.
        var linkLocal = Assert.Single(aSeesB.Endpoints, e => e.StartsWith("tcp://[fe80:", StringComparison.Ordinal));
        Assert.Contains('%', linkLocal);
        Assert.Equal("sharekit", (await DiscoveryProbe.RunToEndAsync(na, Settle, "connect", "--target", linkLocal["tcp://".Length..])).Trim());
        Assert.Equal("AAAA-BBBB-CCCC", bSeesA.Fingerprint);
        Assert.Equal(["receive"], bSeesA.Capabilities);
        Assert.Equal(Plugin, bSeesA.Source);

        var c = await StartAsync(nc, "charlie");
        var (aSeesC, _) = await a.WaitForAsync("appeared", c, Settle);
        var (bSeesC, _) = await b.WaitForAsync("appeared", c, Settle);
        var (cSeesA, _) = await c.WaitForAsync("appeared", a, Settle);
        var (cSeesB, _) = await c.WaitForAsync("appeared", b, Settle);
        var latencies = new[] { aSeesC.At, bSeesC.At, cSeesA.At, cSeesB.At }.Select(t => TimeSpan.FromMilliseconds(t - c.AnnouncedAt)).ToArray();
        output.WriteLine($"{Plugin}: third node seen after {string.Join(", ", latencies.Select(l => $"{l.TotalMilliseconds:0} ms"))} (a→c, b→c, c→a, c→b)");
        Assert.All(latencies, l => Assert.True(l <= JoinDeadline, $"seen after {l.TotalMilliseconds:0} ms, promised {JoinDeadline.TotalMilliseconds:0} ms"));
        Assert.DoesNotContain(a.Events, e => e.Id == a.Id && e.Source is not null);
    }

    [Fact]
    public async Task A_node_killed_without_goodbye_disappears_after_the_expiry()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb) = (lab.AddNode("a"), lab.AddNode("b"));
        lab.Connect(na, lan);
        lab.Connect(nb, lan);
        var a = await StartAsync(na, "alpha", FastExpirySettings);
        var b = await StartAsync(nb, "bravo", FastExpirySettings);
        await a.WaitForAsync("appeared", b, Settle);

        b.Process.Kill();
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var (vanished, _) = await a.WaitForAsync("vanished", b, FastExpiry + TimeSpan.FromSeconds(5));
        var after = TimeSpan.FromMilliseconds(vanished.At - killedAt);
        output.WriteLine($"{Plugin}: killed node vanished after {after.TotalMilliseconds:0} ms (expiry {FastExpiry.TotalMilliseconds:0} ms)");
        Assert.True(after <= FastExpiry + TimeSpan.FromSeconds(1), $"vanished after {after.TotalMilliseconds:0} ms");
        Assert.True(after >= TimeSpan.FromMilliseconds(200), "a killed node cannot say goodbye: it must vanish by expiry, not at once");
    }

    [Fact]
    public async Task A_clean_stop_disappears_at_once()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb) = (lab.AddNode("a"), lab.AddNode("b"));
        lab.Connect(na, lan);
        lab.Connect(nb, lan);
        var a = await StartAsync(na, "alpha");
        var b = await StartAsync(nb, "bravo");
        await a.WaitForAsync("appeared", b, Settle);

        var stoppedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await b.StopAsync();
        var (vanished, _) = await a.WaitForAsync("vanished", b, TimeSpan.FromSeconds(5));
        output.WriteLine($"{Plugin}: cleanly stopped node vanished after {vanished.At - stoppedAt} ms");
    }

    [Fact]
    public async Task A_node_on_two_lans_is_reachable_from_each_lan_at_that_lans_address()
    {
        using var lab = NetworkLab.Create();
        var (lan1, lan2) = (lab.AddLan(), lab.AddLan());
        var (nm, nx, ny) = (lab.AddNode("m"), lab.AddNode("x"), lab.AddNode("y"));
        var m1 = lab.Connect(nm, lan1);
        var m2 = lab.Connect(nm, lan2);
        lab.Connect(nx, lan1);
        lab.Connect(ny, lan2);

        var m = await StartAsync(nm, "multi", "--listen", "--endpoint", "tcp://0.0.0.0:53531");
        var x = await StartAsync(nx, "xray");
        var y = await StartAsync(ny, "yankee");
        var (xSeesM, _) = await x.WaitForAsync("appeared", m, Settle);
        var (ySeesM, _) = await y.WaitForAsync("appeared", m, Settle);
        await m.WaitForAsync("appeared", x, Settle);
        await m.WaitForAsync("appeared", y, Settle);

        Assert.Contains($"tcp://{m1}:53531", xSeesM.Endpoints);
        Assert.DoesNotContain($"tcp://{m2}:53531", xSeesM.Endpoints);
        Assert.Contains($"tcp://{m2}:53531", ySeesM.Endpoints);
        Assert.DoesNotContain($"tcp://{m1}:53531", ySeesM.Endpoints);
        Assert.Equal("sharekit", (await DiscoveryProbe.RunToEndAsync(nx, Settle, "connect", "--target", $"{m1}:53531")).Trim());
        Assert.Equal("sharekit", (await DiscoveryProbe.RunToEndAsync(ny, Settle, "connect", "--target", $"{m2}:53531")).Trim());
    }

    [Fact]
    public async Task A_node_whose_lan_comes_up_after_it_started_is_seen_there()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (nl, nx) = (lab.AddNode("late"), lab.AddNode("x"));
        lab.Connect(nx, lan);
        var x = await StartAsync(nx, "xray");
        var late = await StartAsync(nl, "late");

        var address = lab.Connect(nl, lan);
        var (seen, _) = await x.WaitForAsync("appeared", late, Settle);
        Assert.Contains($"tcp://{address}:53531", seen.Endpoints);
        await late.WaitForAsync("appeared", x, Settle);
    }

    [Fact]
    public async Task A_flood_of_malformed_packets_leaves_discovery_working()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb, nc, nf) = (lab.AddNode("a"), lab.AddNode("b"), lab.AddNode("c"), lab.AddNode("f"));
        foreach (var node in lab.Nodes)
        {
            lab.Connect(node, lan);
        }

        var a = await StartAsync(na, "alpha", "--log-level", "debug");
        var b = await StartAsync(nb, "bravo");
        await a.WaitForAsync("appeared", b, Settle);

        var cpuBefore = a.Process.CpuTime();
        var flood = await DiscoveryProbe.RunToEndAsync(
            nf, TimeSpan.FromMinutes(2), "flood", "--plugin", Plugin, "--target", FloodTarget(lan), "--count", "10000", "--set", $"bind={nf.AddressOn(lan)}");
        var cpuAfter = a.Process.CpuTime();
        output.WriteLine($"{Plugin}: flood {flood.Trim()}; receiver CPU during the flood: {(cpuAfter - cpuBefore).TotalMilliseconds:0} ms");

        var c = await StartAsync(nc, "charlie");
        await a.WaitForAsync("appeared", c, Settle);
        Assert.False(a.Process.HasExited, "the receiver died during the flood");
        Assert.DoesNotContain(a.Events, e => e.Event == "vanished" && e.Id == b.Id);
        Assert.DoesNotContain(a.Events, e => e.Name?.StartsWith("flood", StringComparison.Ordinal) == true);
        Assert.Contains("Dropped", a.Process.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_sighting_latency_median_of_20_is_reported()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (no, nj) = (lab.AddNode("o"), lab.AddNode("j"));
        lab.Connect(no, lan);
        lab.Connect(nj, lan);
        var observer = await StartAsync(no, "observer");
        var samples = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var joiner = await StartAsync(nj, $"joiner-{i}");
            var (seen, index) = await observer.WaitForAsync("appeared", joiner, Settle);
            samples.Add(seen.At - joiner.AnnouncedAt);
            await joiner.StopAsync();
            await observer.WaitForAsync("vanished", joiner, Settle, index);
        }

        samples.Sort();
        var median = (samples[9] + samples[10]) / 2;
        output.WriteLine($"{Plugin}: first-sighting latency over 20 joins: median {median:0} ms, min {samples[0]:0} ms, max {samples[^1]:0} ms");
        Assert.Equal(20, samples.Count);
    }

    private Task<DiscoveryProbe> StartAsync(LabNode node, string name, params string[] extra) =>
        DiscoveryProbe.StartAsync(node, Plugin, name, extra);
}
