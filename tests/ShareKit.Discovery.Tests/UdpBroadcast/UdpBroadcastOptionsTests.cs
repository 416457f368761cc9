using Microsoft.Extensions.Configuration;
using ShareKit.Discovery.UdpBroadcast;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Tests.UdpBroadcast;

public sealed class UdpBroadcastOptionsTests
{
    private const string Path = "discovery:udp-broadcast:settings";

    [Fact]
    public void Empty_settings_give_the_defaults()
    {
        var options = UdpBroadcastOptions.FromSettings(Settings(), Path);
        Assert.Equal(53530, options.Port);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Validity);
        Assert.Empty(options.Interfaces);
        Assert.True(options.Ipv6);
    }

    [Fact]
    public void Settings_are_read_including_an_interface_list()
    {
        var options = UdpBroadcastOptions.FromSettings(
            Settings(("port", "40000"), ("intervalSeconds", "0.5"), ("expiryIntervals", "4"), ("interfaces:0", "eth0"), ("interfaces:1", "lo"), ("ipv6", "false")),
            Path);
        Assert.Equal(40000, options.Port);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Validity);
        Assert.Equal(["eth0", "lo"], options.Interfaces);
        Assert.False(options.Ipv6);
    }

    [Theory]
    [InlineData("port", "0")]
    [InlineData("port", "http")]
    [InlineData("intervalSeconds", "0")]
    [InlineData("expiryIntervals", "-1")]
    [InlineData("ipv6", "maybe")]
    public void An_invalid_setting_names_its_json_path(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => UdpBroadcastOptions.FromSettings(Settings((key, value)), Path));
        Assert.Equal($"{Path}:{key}", error.Path);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
