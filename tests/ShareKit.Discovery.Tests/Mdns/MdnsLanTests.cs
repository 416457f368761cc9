using ShareKit.Discovery.Tests.Infrastructure;
using ShareKit.Testing.Network;
using Xunit.Abstractions;

namespace ShareKit.Discovery.Tests.Mdns;

public sealed class MdnsLanTests(ITestOutputHelper output) : LanDiscoveryTests(output)
{
    protected override string Plugin => "mdns";

    protected override TimeSpan JoinDeadline => TimeSpan.FromSeconds(2);

    protected override string[] FastExpirySettings => ["--set", "ttlSeconds=2"];

    protected override TimeSpan FastExpiry => TimeSpan.FromSeconds(2);

    protected override string FloodTarget(LabLan lan) => "224.0.0.251:5353";
}
