using ShareKit.Discovery.Tests.Infrastructure;
using ShareKit.Testing.Network;
using Xunit.Abstractions;

namespace ShareKit.Discovery.Tests.UdpBroadcast;

public sealed class UdpBroadcastLanTests(ITestOutputHelper output) : LanDiscoveryTests(output)
{
    protected override string Plugin => "udp-broadcast";

    protected override TimeSpan JoinDeadline => TimeSpan.FromSeconds(1);

    protected override string[] FastExpirySettings => ["--set", "intervalSeconds=0.5", "--set", "expiryIntervals=3"];

    protected override TimeSpan FastExpiry => TimeSpan.FromSeconds(1.5);

    protected override string FloodTarget(LabLan lan) => $"{lan.Broadcast}:53530";
}
