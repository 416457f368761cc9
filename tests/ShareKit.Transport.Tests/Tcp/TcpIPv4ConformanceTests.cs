using ShareKit.Conformance.Transport;
using ShareKit.Sdk;
using ShareKit.Transport.Tests.Support;

namespace ShareKit.Transport.Tests.Tcp;

/// <summary>The transport conformance kit over TCP on IPv4 loopback, with the full 1 GiB bulk test.</summary>
public sealed class TcpIPv4ConformanceTests : TransportConformanceTests
{
    protected override Endpoint ListenEndpoint => Endpoint.Parse("tcp://127.0.0.1:0");

    protected override ITransport CreateTransport() => TcpPluginHost.CreateTransport();
}
