using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

public sealed class LoginTests
{
    [Fact]
    public async Task Greeting_is_220_and_anonymous_login_is_read_only()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        Assert.Equal(220, client.Greeting.Code);
        Assert.Equal(331, (await client.SendAsync("USER anonymous")).Code);
        var reply = await client.SendAsync("PASS me@example.org");
        Assert.Equal(230, reply.Code);
        Assert.Contains("read-only", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PWD")]
    [InlineData("CWD /")]
    [InlineData("LIST")]
    [InlineData("RETR a.txt")]
    [InlineData("STOR a.txt")]
    [InlineData("PASV")]
    [InlineData("MKD x")]
    public async Task Commands_before_login_are_refused_with_530(string command)
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        Assert.Equal(530, (await client.SendAsync(command)).Code);
    }

    [Fact]
    public async Task Pass_without_user_is_503()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        Assert.Equal(503, (await client.SendAsync("PASS secret")).Code);
    }

    [Fact]
    public async Task Anonymous_login_fails_when_turned_off()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["anonymous"] = "false");
        await using var client = await server.ConnectAsync();
        Assert.Equal(331, (await client.SendAsync("USER anonymous")).Code);
        Assert.Equal(530, (await client.SendAsync("PASS x")).Code);
    }

    [Fact]
    public async Task Anonymous_sees_nothing_of_a_private_share()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["shares:0"] = "private", ("private", ShareAccess.Private));
        await using var client = await server.ConnectAsync();
        Assert.Equal(331, (await client.SendAsync("USER ftp")).Code);
        Assert.Equal(530, (await client.SendAsync("PASS x")).Code);
    }

    [Fact]
    public async Task Named_user_with_the_right_password_gets_read_write_access_to_its_share()
    {
        await using var server = await FtpTestServer.StartAsync(
            s => AddUser(s, 0, "alice", "s3cret", "inbox", "read-write"),
            ("library", ShareAccess.PublicRead),
            ("inbox", ShareAccess.Private));
        await using var client = await server.ConnectAsync();
        Assert.Equal(331, (await client.SendAsync("USER alice")).Code);
        var reply = await client.SendAsync("PASS s3cret");
        Assert.Equal(230, reply.Code);
        Assert.Contains("read and write", reply.Text, StringComparison.Ordinal);
        Assert.Equal(257, (await client.SendAsync("MKD made-by-alice")).Code);
        Assert.True(Directory.Exists(Path.Combine(server.ShareFolder("inbox"), "made-by-alice")));
    }

    [Fact]
    public async Task Named_user_with_a_wrong_password_gets_530()
    {
        await using var server = await FtpTestServer.StartAsync(s => AddUser(s, 0, "alice", "s3cret", "library", "read"));
        await using var client = await server.ConnectAsync();
        await client.SendAsync("USER alice");
        Assert.Equal(530, (await client.SendAsync("PASS wrong")).Code);
        await client.SendAsync("USER bob");
        Assert.Equal(530, (await client.SendAsync("PASS s3cret")).Code);
    }

    [Fact]
    public async Task A_connection_is_closed_after_the_allowed_failed_logins()
    {
        await using var server = await FtpTestServer.StartAsync(s => AddUser(s, 0, "alice", "s3cret", "library", "read"));
        await using var client = await server.ConnectAsync();
        for (var i = 0; i < 2; i++)
        {
            await client.SendAsync("USER alice");
            Assert.Equal(530, (await client.SendAsync("PASS wrong")).Code);
        }

        await client.SendAsync("USER alice");
        Assert.Equal(421, (await client.SendAsync("PASS wrong")).Code);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Fifty_wrong_passwords_from_one_address_get_the_address_refused_even_with_the_right_one()
    {
        await using var server = await FtpTestServer.StartAsync(s => AddUser(s, 0, "alice", "s3cret", "library", "read"));
        var refusedAfter = 0;
        for (var attempt = 1; attempt <= 50 && refusedAfter == 0; attempt++)
        {
            await using var client = await server.ConnectAsync();
            if (client.Greeting.Code == 421)
            {
                refusedAfter = attempt;
                break;
            }

            var user = await client.SendAsync("USER alice");
            if (user.Code == 421)
            {
                refusedAfter = attempt;
                break;
            }

            var reply = await client.SendAsync("PASS wrong" + attempt);
            Assert.True(reply.Code is 530 or 421, reply.ToString());
        }

        Assert.InRange(refusedAfter, 2, 50);
        await using var late = await server.ConnectAsync();
        Assert.Equal(421, late.Greeting.Code);
    }

    [Fact]
    public async Task Login_needs_tls_when_the_control_connection_must_be_protected()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["tls:mode"] = "required-control");
        await using var client = await server.ConnectAsync();
        Assert.Equal(530, (await client.SendAsync("USER anonymous")).Code);
        await client.UpgradeToTlsAsync();
        await client.LoginAsync("anonymous", "x");
    }

    [Fact]
    public async Task Rein_logs_out()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.LoginAsync();
        Assert.Equal(220, (await client.SendAsync("REIN")).Code);
        Assert.Equal(530, (await client.SendAsync("PWD")).Code);
        await client.LoginAsync("anonymous", "x");
    }

    [Fact]
    public async Task Host_is_accepted_before_login_only()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        Assert.Equal(220, (await client.SendAsync("HOST ftp.example.org")).Code);
        await client.LoginAsync("anonymous", "x");
        Assert.Equal(503, (await client.SendAsync("HOST ftp.example.org")).Code);
    }

    internal static void AddUser(Dictionary<string, string?> settings, int index, string name, string password, string share, string access)
    {
        settings[$"users:{index}:name"] = name;
        settings[$"users:{index}:passwordHash"] = FtpPasswordHasher.Hash(password, iterations: 1000);
        settings[$"users:{index}:share"] = share;
        settings[$"users:{index}:access"] = access;
    }
}
