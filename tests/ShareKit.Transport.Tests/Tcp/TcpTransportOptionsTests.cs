using ShareKit.Sdk;
using ShareKit.Transport.Tcp;
using ShareKit.Transport.Tests.Support;

namespace ShareKit.Transport.Tests.Tcp;

public sealed class TcpTransportOptionsTests
{
    [Fact]
    public void No_settings_give_the_documented_defaults()
    {
        var options = TcpTransportOptions.FromSettings(TcpPluginHost.Context(new Dictionary<string, string?>()).Settings, TcpPluginHost.SettingsPath);

        Assert.True(options.NoDelay);
        Assert.True(options.KeepAlive);
        Assert.Equal(0, options.SendBufferSize);
        Assert.Equal(0, options.ReceiveBufferSize);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
    }

    [Fact]
    public void Given_settings_are_read()
    {
        var settings = new Dictionary<string, string?>
        {
            ["noDelay"] = "false",
            ["keepAlive"] = "False",
            ["sendBufferSize"] = "1048576",
            ["receiveBufferSize"] = "262144",
            ["connectTimeoutSeconds"] = "2.5",
        };

        var options = TcpTransportOptions.FromSettings(TcpPluginHost.Context(settings).Settings, TcpPluginHost.SettingsPath);

        Assert.False(options.NoDelay);
        Assert.False(options.KeepAlive);
        Assert.Equal(1048576, options.SendBufferSize);
        Assert.Equal(262144, options.ReceiveBufferSize);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.ConnectTimeout);
    }

    [Theory]
    [InlineData("noDelay", "yes")]
    [InlineData("keepAlive", "1")]
    [InlineData("sendBufferSize", "-1")]
    [InlineData("sendBufferSize", "64k")]
    [InlineData("receiveBufferSize", "999999999999")]
    [InlineData("connectTimeoutSeconds", "0")]
    [InlineData("connectTimeoutSeconds", "-5")]
    [InlineData("connectTimeoutSeconds", "ten")]
    public void An_invalid_setting_fails_naming_its_path(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var error = Assert.Throws<ConfigurationException>(() => TcpPluginHost.CreateTransport(settings));

        Assert.Equal($"plugins:ShareKit.Transport.Tcp:settings:{key}", error.Path);
        Assert.StartsWith($"plugins:ShareKit.Transport.Tcp:settings:{key}: '{value}' is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plugin_registers_the_tcp_scheme_only()
    {
        var registry = new CapturingRegistry();
        var plugin = new TcpTransportPlugin();

        plugin.Register(registry);

        Assert.Equal(["tcp"], registry.Transports.Keys);
        Assert.Equal("ShareKit.Transport.Tcp", plugin.Info.Name);
        Assert.Equal(SdkInfo.Version, plugin.Info.SdkVersion);
        Assert.Equal("tcp", registry.Transports["tcp"](TcpPluginHost.Context(new Dictionary<string, string?>())).Scheme);
    }
}
