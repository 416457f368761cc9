using Microsoft.Extensions.Configuration;
using ShareKit.Discovery.Mdns;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Tests.Mdns;

public sealed class MdnsOptionsTests
{
    private const string Path = "discovery:mdns:settings";

    [Fact]
    public void Empty_settings_give_the_defaults()
    {
        var options = MdnsOptions.FromSettings(new ConfigurationBuilder().Build(), Path);
        Assert.Equal(TimeSpan.FromSeconds(120), options.Ttl);
        Assert.Equal(5353, options.Port);
        Assert.True(options.Ipv6);
        Assert.Empty(options.Interfaces);
    }

    [Theory]
    [InlineData("ttlSeconds", "0")]
    [InlineData("port", "70000")]
    [InlineData("ipv6", "yes please")]
    public void An_invalid_setting_names_its_json_path(string key, string value)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]).Build();
        var error = Assert.Throws<ConfigurationException>(() => MdnsOptions.FromSettings(settings, Path));
        Assert.Equal($"{Path}:{key}", error.Path);
    }
}
