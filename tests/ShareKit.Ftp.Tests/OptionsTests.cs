using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_the_safe_ones()
    {
        var options = Read([]);
        Assert.Equal("tcp://0.0.0.0:2121", options.Listen.ToString());
        Assert.True(options.Anonymous);
        Assert.Empty(options.Users);
        Assert.Equal(FtpTlsMode.Optional, options.Tls.Mode);
        Assert.Null(options.PassivePorts);
        Assert.True(options.TransferBufferSize >= 256 * 1024);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var options = Read(new()
        {
            ["listen"] = "tcp://[::]:21021",
            ["shares:0"] = "library",
            ["anonymous"] = "false",
            ["passivePorts"] = "50000-50100",
            ["masqueradeAddress"] = "203.0.113.1",
            ["tls:mode"] = "required-all",
            ["timeouts:idle"] = "60",
            ["limits:connectionsPerAddress"] = "5",
            ["users:0:name"] = "alice",
            ["users:0:passwordHash"] = FtpPasswordHasher.Hash("pw", 1000),
            ["users:0:share"] = "inbox",
            ["users:0:access"] = "read-write",
        });
        Assert.Equal(21021, options.Listen.Port);
        Assert.Equal(["library"], options.Shares);
        Assert.False(options.Anonymous);
        Assert.Equal(new PortRange(50000, 50100), options.PassivePorts);
        Assert.Equal("203.0.113.1", options.MasqueradeAddress!.ToString());
        Assert.Equal(FtpTlsMode.RequiredAll, options.Tls.Mode);
        Assert.Equal(TimeSpan.FromSeconds(60), options.IdleTimeout);
        Assert.Equal(5, options.MaxConnectionsPerAddress);
        Assert.Equal(FtpUserAccess.ReadWrite, Assert.Single(options.Users).Access);
    }

    [Theory]
    [InlineData("listen", "nonsense", "services:ftp:settings:listen")]
    [InlineData("listen", "udp://0.0.0.0:21", "services:ftp:settings:listen")]
    [InlineData("anonymous", "yes", "services:ftp:settings:anonymous")]
    [InlineData("passivePorts", "100-200", "services:ftp:settings:passivePorts")]
    [InlineData("passivePorts", "60000-50000", "services:ftp:settings:passivePorts")]
    [InlineData("masqueradeAddress", "::1", "services:ftp:settings:masqueradeAddress")]
    [InlineData("tls:mode", "always", "services:ftp:settings:tls:mode")]
    [InlineData("tls:requireSessionReuse", "true", "services:ftp:settings:tls:requireSessionReuse")]
    [InlineData("timeouts:idle", "-1", "services:ftp:settings:timeouts:idle")]
    [InlineData("limits:connections", "0", "services:ftp:settings:limits:connections")]
    [InlineData("limits:bogus", "1", "services:ftp:settings:limits:bogus")]
    [InlineData("colour", "blue", "services:ftp:settings:colour")]
    [InlineData("users:0:name", "has space", "services:ftp:settings:users:0:name")]
    [InlineData("users:0:passwordHash", "plaintext", "services:ftp:settings:users:0:passwordHash")]
    public void Bad_values_are_refused_with_their_json_path(string key, string value, string path)
    {
        var settings = new Dictionary<string, string?>();
        if (key.StartsWith("users:", StringComparison.Ordinal))
        {
            settings["users:0:name"] = "alice";
            settings["users:0:passwordHash"] = FtpPasswordHasher.Hash("pw", 1000);
            settings["users:0:share"] = "inbox";
        }

        settings[key] = value;
        var error = Assert.Throws<ConfigurationException>(() => Read(settings));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public async Task A_share_that_does_not_exist_is_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => FtpTestServer.StartAsync(s => s["shares:0"] = "nope"));
        Assert.Equal("services:ftp:settings:shares:0", error.Path);
    }

    [Fact]
    public void Password_hashes_are_salted_and_verify()
    {
        var one = FtpPasswordHasher.Hash("correct horse", 1000);
        var two = FtpPasswordHasher.Hash("correct horse", 1000);
        Assert.NotEqual(one, two);
        Assert.StartsWith("pbkdf2-sha256$1000$", one, StringComparison.Ordinal);
        Assert.True(FtpPasswordHasher.Verify("correct horse", one));
        Assert.False(FtpPasswordHasher.Verify("correct horsE", one));
        Assert.False(FtpPasswordHasher.Verify("x", "garbage"));
        Assert.StartsWith($"pbkdf2-sha256${FtpPasswordHasher.DefaultIterations}$", FtpPasswordHasher.Hash("x"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hash_made_with_the_python_recipe_in_the_docs_verifies()
    {
        const string FromPython = "pbkdf2-sha256$600000$TTXUre500phW0PP85Db0Gw==$yTtzQorl4+xDvu4j9CiEndDxDf+lSGVDs6RnrtWrYaw=";
        Assert.True(FtpPasswordHasher.Verify("the password", FromPython));
        Assert.False(FtpPasswordHasher.Verify("another password", FromPython));
    }

    private static FtpOptions Read(Dictionary<string, string?> settings) =>
        FtpOptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "services:ftp:settings");
}
