using System.Net;
using ShareKit.Sdk;

namespace ShareKit.Sdk.Tests;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("tcp://0.0.0.0:53531", "tcp", "0.0.0.0", 53531)]
    [InlineData("tcp://192.168.1.7:1", "tcp", "192.168.1.7", 1)]
    [InlineData("tcp://127.0.0.1:0", "tcp", "127.0.0.1", 0)]
    [InlineData("tcp://[::1]:0", "tcp", "::1", 0)]
    [InlineData("tcp://[::]:53531", "tcp", "::", 53531)]
    [InlineData("tcp://[fe80::1%2]:65535", "tcp", "fe80::1%2", 65535)]
    [InlineData("TCP://Example.Host:80", "tcp", "Example.Host", 80)]
    [InlineData("tcp://nas.local:2121/", "tcp", "nas.local", 2121)]
    [InlineData("my-scheme+tls.v2://h:7", "my-scheme+tls.v2", "h", 7)]
    public void Network_endpoint_parses(string text, string scheme, string host, int port)
    {
        var endpoint = Endpoint.Parse(text);
        Assert.Equal(scheme, endpoint.Scheme);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.True(endpoint.IsNetwork);
        Assert.Equal(string.Empty, endpoint.Path);
        Assert.Equal(endpoint, Endpoint.Parse(endpoint.ToString()));
    }

    [Theory]
    [InlineData("tcp://0.0.0.0:53531")]
    [InlineData("tcp://[::1]:0")]
    [InlineData("tcp://[2001:db8::7]:8080")]
    [InlineData("tcp://nas.local:2121")]
    [InlineData("unix:///run/sharekit.sock")]
    [InlineData("unix:///tmp/a b/c.sock")]
    public void ToString_round_trips(string text)
    {
        Assert.Equal(text, Endpoint.Parse(text).ToString());
    }

    [Fact]
    public void Unix_path_endpoint_parses()
    {
        var endpoint = Endpoint.Parse("unix:///run/sharekit.sock");
        Assert.Equal("unix", endpoint.Scheme);
        Assert.Equal("/run/sharekit.sock", endpoint.Path);
        Assert.False(endpoint.IsNetwork);
        Assert.Equal(-1, endpoint.Port);
        Assert.Equal(string.Empty, endpoint.Host);
        Assert.Equal("/tmp/a b.sock", Endpoint.Parse("unix:///tmp/a%20b.sock").Path);
        Assert.Throws<InvalidOperationException>(() => endpoint.WithPort(1));
    }

    [Theory]
    [InlineData("", "An endpoint is empty")]
    [InlineData("   ", "An endpoint is empty")]
    [InlineData("0.0.0.0:53531", "is not an endpoint: expected scheme://host:port or scheme:///path")]
    [InlineData("://host:1", "is not an endpoint")]
    [InlineData("tcp//host:1", "is not an endpoint")]
    [InlineData("1tcp://host:1", "has an invalid scheme '1tcp'")]
    [InlineData("t cp://host:1", "has an invalid scheme 't cp'")]
    [InlineData("tc_p://host:1", "has an invalid scheme 'tc_p'")]
    [InlineData("tcp://host", "needs a host and a port")]
    [InlineData("tcp://:53531", "needs a host and a port")]
    [InlineData("tcp://::1:5", "needs a host and a port")]
    [InlineData("tcp://host:1:2", "needs a host and a port")]
    [InlineData("tcp://host:", "'' in 'tcp://host:' is not a port (0–65535)")]
    [InlineData("tcp://host:65536", "'65536' in 'tcp://host:65536' is not a port")]
    [InlineData("tcp://host:-1", "'-1' in 'tcp://host:-1' is not a port")]
    [InlineData("tcp://host:+1", "'+1' in 'tcp://host:+1' is not a port")]
    [InlineData("tcp://host: 1", "' 1' in 'tcp://host: 1' is not a port")]
    [InlineData("tcp://host:http", "'http' in 'tcp://host:http' is not a port")]
    [InlineData("tcp://host:99999999999", "is not a port")]
    [InlineData("tcp://my host:1", "'my host' in 'tcp://my host:1' is not a host name")]
    [InlineData("tcp://host\t:1", "is not a host name")]
    [InlineData("tcp://user@host:1", "'user@host' in 'tcp://user@host:1' is not a host name")]
    [InlineData("tcp://host/x:1", "is not a host name")]
    [InlineData("tcp://[::1]", "needs [ipv6]:port")]
    [InlineData("tcp://[::1]:", "'' in 'tcp://[::1]:' is not a port")]
    [InlineData("tcp://[::1", "needs [ipv6]:port")]
    [InlineData("tcp://[zz::1]:1", "'zz::1' in 'tcp://[zz::1]:1' is not an IPv6 address")]
    [InlineData("tcp://[]:1", "is not an IPv6 address")]
    [InlineData("tcp://[1.2.3.4]:1", "'1.2.3.4' in 'tcp://[1.2.3.4]:1' is not an IPv6 address")]
    [InlineData("unix:///run/a%00b.sock", "has a control character in its path")]
    [InlineData("unix:///run/a\nb.sock", "has a control character in its path")]
    public void Bad_endpoint_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(Endpoint.TryParse(text, out var endpoint, out var error));
        Assert.Null(endpoint);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => Endpoint.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.False(Endpoint.TryParse(null, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_build_the_same_values_as_parsing()
    {
        Assert.Equal(Endpoint.Parse("tcp://[::1]:5"), Endpoint.ForNetwork("TCP", "[::1]", 5));
        Assert.Equal(Endpoint.Parse("tcp://10.0.0.1:9"), Endpoint.ForNetwork("tcp", new IPEndPoint(IPAddress.Parse("::ffff:10.0.0.1"), 9)));
        Assert.Equal(Endpoint.Parse("tcp://[::1]:9"), Endpoint.ForNetwork("tcp", new IPEndPoint(IPAddress.IPv6Loopback, 9)));
        Assert.Equal(Endpoint.Parse("unix:///s.sock"), Endpoint.ForPath("unix", "/s.sock"));
        Assert.Equal(Endpoint.Parse("tcp://h:2"), Endpoint.Parse("tcp://h:1").WithPort(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Endpoint.ForNetwork("tcp", "h", 65536));
        Assert.Throws<ArgumentOutOfRangeException>(() => Endpoint.ForNetwork("tcp", "h", -1));
        Assert.Throws<ArgumentException>(() => Endpoint.ForNetwork("tcp", " ", 1));
        Assert.Throws<ArgumentException>(() => Endpoint.ForPath("unix", "relative.sock"));
        Assert.Throws<ArgumentException>(() => Endpoint.ForPath("unix", ""));
    }
}
