using System.Text.RegularExpressions;
using ShareKit.Discovery.Tests.Infrastructure;
using ShareKit.Sdk;
using ShareKit.Testing;
using ShareKit.Testing.Network;

namespace ShareKit.Discovery.Tests.Mdns;

/// <summary>The mdns plugin against a real avahi-daemon, each on its own namespace host, and both on one host.</summary>
public sealed partial class AvahiInteropTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Avahi_browse_lists_a_sharekit_node_with_its_address_port_and_txt()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb) = (lab.AddNode("a"), lab.AddNode("b"));
        lab.Connect(na, lan);
        lab.Connect(nb, lan);
        using var avahi = await AvahiHost.StartAsync(nb);
        var alpha = await DiscoveryProbe.StartAsync(na, "mdns", "alpha", "--cap", "receive", "--cap", "library", "--fp", "AAAA-BBBB", "--endpoint", "tcp://0.0.0.0:53531");

        string[]? row = null;
        await Eventually.TrueAsync(
            async () =>
            {
                row = (await avahi.BrowseAsync("_sharekit._tcp")).FirstOrDefault(r => r[2] == "IPv4" && Unescape(r[3]) == "alpha");
                return row is not null;
            },
            Settle,
            "avahi-browse lists alpha");

        Assert.Equal(na.AddressOn(lan), row![7]);
        Assert.Equal("53531", row[8]);
        Assert.Contains($"\"id={alpha.Id}\"", row[9], StringComparison.Ordinal);
        Assert.Contains("\"caps=receive,library\"", row[9], StringComparison.Ordinal);
        Assert.Contains("\"fp=AAAA-BBBB\"", row[9], StringComparison.Ordinal);
        Assert.Contains("\"v=1\"", row[9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_published_with_avahi_publish_is_seen_by_sharekit()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb) = (lab.AddNode("a"), lab.AddNode("b"));
        lab.Connect(na, lan);
        lab.Connect(nb, lan);
        using var avahi = await AvahiHost.StartAsync(nb);
        var id = NodeId.NewRandom().Value;
        var publisher = nb.Start("avahi-publish", ["-s", "Avahi Node", "_sharekit._tcp", "53999", $"id={id}", "v=1", "caps=receive"], avahi.Environment);
        await Eventually.TrueAsync(() => publisher.StandardError.Contains("Established", StringComparison.Ordinal), Settle, "avahi-publish established");

        var alpha = await DiscoveryProbe.StartAsync(na, "mdns", "alpha");
        // avahi may answer AAAA and A in separate messages: the node appears with one address, then gains the other.
        var expected = $"tcp://{nb.AddressOn(lan)}:53999";
        var (_, line) = await alpha.Process.WaitForLineAsync(
            l => ProbeEvent.TryParse(l) is { Event: "appeared" or "updated" } e && e.Id == id && e.Endpoints.Contains(expected),
            Settle,
            "sharekit sees the avahi-published service at its IPv4 address");
        var seen = ProbeEvent.TryParse(line)!;
        Assert.Equal("Avahi Node", seen.Name);
        Assert.Equal(["receive"], seen.Capabilities);
        Assert.Equal("appeared", alpha.Events.First(e => e.Id == id).Event);

        publisher.Kill();
    }

    [Fact]
    public async Task Sharekit_and_avahi_share_one_host_and_still_see_each_other_and_the_lan()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb) = (lab.AddNode("a"), lab.AddNode("b"));
        lab.Connect(na, lan);
        lab.Connect(nb, lan);
        using var avahi = await AvahiHost.StartAsync(nb);
        var alpha = await DiscoveryProbe.StartAsync(na, "mdns", "alpha");
        var bravo = await DiscoveryProbe.StartAsync(nb, "mdns", "bravo");
        await alpha.WaitForAsync("appeared", bravo, Settle);
        await bravo.WaitForAsync("appeared", alpha, Settle);
        await Eventually.TrueAsync(
            async () =>
            {
                var names = (await avahi.BrowseAsync("_sharekit._tcp")).Select(r => Unescape(r[3])).ToHashSet();
                return names.Contains("alpha") && names.Contains("bravo");
            },
            Settle,
            "avahi on b lists both the remote and the local ShareKit node");
    }

    [Fact]
    public async Task A_taken_name_is_probed_and_renamed_with_a_number()
    {
        using var lab = NetworkLab.Create();
        var lan = lab.AddLan();
        var (na, nb, nc) = (lab.AddNode("a"), lab.AddNode("b"), lab.AddNode("c"));
        foreach (var node in lab.Nodes)
        {
            lab.Connect(node, lan);
        }

        using var avahi = await AvahiHost.StartAsync(nc);
        var first = await DiscoveryProbe.StartAsync(na, "mdns", "twin");
        var watcher = await DiscoveryProbe.StartAsync(nc, "mdns", "watcher");
        var (firstSeen, _) = await watcher.WaitForAsync("appeared", first, Settle);
        Assert.Equal("twin", firstSeen.Name);

        var second = await DiscoveryProbe.StartAsync(nb, "mdns", "twin");
        var (secondSeen, _) = await watcher.WaitForAsync("appeared", second, Settle);
        Assert.Equal("twin (2)", secondSeen.Name);
        Assert.DoesNotContain(watcher.Events, e => e.Id == first.Id && e.Name != "twin");
        await Eventually.TrueAsync(
            async () =>
            {
                var names = (await avahi.BrowseAsync("_sharekit._tcp")).Select(r => Unescape(r[3])).ToHashSet();
                return names.Contains("twin") && names.Contains("twin (2)");
            },
            Settle,
            "avahi lists twin and twin (2)");
    }

    /// <summary>avahi-browse -p writes special characters as \DDD (decimal) and escapes '.' and '\'.</summary>
    private static string Unescape(string text) =>
        EscapePattern().Replace(text, m => m.Value.Length == 4 && char.IsAsciiDigit(m.Value[1]) ? ((char)int.Parse(m.Value[1..])).ToString() : m.Value[1..]);

    [GeneratedRegex(@"\\(\d{3}|.)")]
    private static partial Regex EscapePattern();
}
