using ShareKit.Conformance.Transport;
using ShareKit.Sdk;
using ShareKit.Transport.Tests.Support;

namespace ShareKit.Transport.Tests.Tcp;

/// <summary>The transport conformance kit over TCP on IPv6 loopback, with a 256 MiB bulk test.</summary>
public sealed class TcpIPv6ConformanceTests : TransportConformanceTests
{
    protected override Endpoint ListenEndpoint => Endpoint.Parse("tcp://[::1]:0");

    protected override long BulkBytes => 256L << 20;

    protected override ITransport CreateTransport() => TcpPluginHost.CreateTransport();
}
