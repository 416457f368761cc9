using System.Text;

namespace ShareKit.Ftp.Tests;

public sealed class SafetyTests
{
    [Theory]
    [InlineData("RETR ../../etc/passwd")]
    [InlineData("RETR /../../../etc/passwd")]
    [InlineData("RETR ..\\..\\etc\\passwd")]
    [InlineData("RETR %2e%2e/%2e%2e/etc/passwd")]
    [InlineData("RETR ..%2f..%2fetc%2fpasswd")]
    [InlineData("RETR /etc/passwd")]
    [InlineData("RETR C:/Windows/win.ini")]
    [InlineData("SIZE ../outside.txt")]
    [InlineData("RETR ../outside.txt")]
    [InlineData("RETR ../../outside.txt")]
    [InlineData("CWD ../../..")]
    public async Task Paths_never_leave_the_share(string command)
    {
        await using var server = await FtpTestServer.StartAsync();
        File.WriteAllText(Path.Combine(server.Temp, "shares", "outside.txt"), "not for you");
        File.WriteAllText(Path.Combine(server.Temp, "outside.txt"), "not for you");
        await using var client = await server.LoginAsync();
        await client.SendAsync("EPSV");
        var reply = await client.SendAsync(command);
        if (command.StartsWith("CWD", StringComparison.Ordinal))
        {
            Assert.Equal(250, reply.Code);
            Assert.StartsWith("\"/\"", (await client.SendAsync("PWD")).Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(reply.Code == 550, $"{command}: {reply}");
        }
    }

    [Fact]
    public async Task A_symlink_inside_the_share_pointing_outside_is_not_followed()
    {
        await using var server = await FtpTestServer.StartAsync();
        var outside = Path.Combine(server.Temp, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "not for you");
        Directory.CreateSymbolicLink(Path.Combine(server.ShareFolder(), "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(server.ShareFolder(), "secret-link.txt"), Path.Combine(outside, "secret.txt"));
        await using var client = await server.LoginAsync();
        await client.SendAsync("EPSV");
        Assert.Equal(550, (await client.SendAsync("RETR escape/secret.txt")).Code);
        Assert.Equal(550, (await client.SendAsync("RETR secret-link.txt")).Code);
        Assert.Equal(550, (await client.SendAsync("CWD escape")).Code);
        var listing = Encoding.UTF8.GetString((await client.DownloadAsync("NLST")).Data);
        Assert.DoesNotContain("secret", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_10_kib_line_is_refused_and_the_session_goes_on()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.LoginAsync();
        await client.WriteLineAsync("RETR " + new string('a', 10 * 1024));
        var reply = await client.ReadReplyAsync();
        Assert.Equal(500, reply.Code);
        Assert.Contains("too long", reply.Text, StringComparison.Ordinal);
        Assert.Equal(200, (await client.SendAsync("NOOP")).Code);
    }

    [Fact]
    public async Task Binary_junk_gets_500_replies_and_the_session_goes_on()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var junk = new byte[3000];
        new Random(42).NextBytes(junk);
        for (var i = 0; i < junk.Length; i++)
        {
            if (junk[i] is (byte)'\n' or 255)
            {
                junk[i] = 0;
            }
        }

        await client.WriteRawAsync([.. junk, (byte)'\r', (byte)'\n']);
        Assert.Equal(500, (await client.ReadReplyAsync()).Code);
        await client.WriteRawAsync([0xC3, 0x28, 0xFF, 0xFF, 0x00, (byte)'\r', (byte)'\n']);
        Assert.Equal(500, (await client.ReadReplyAsync()).Code);
        Assert.Equal(200, (await client.SendAsync("NOOP")).Code);
    }

    [Fact]
    public async Task An_endless_line_closes_the_connection()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        try
        {
            for (var i = 0; i < 20; i++)
            {
                await client.WriteRawAsync(chunk);
            }
        }
        catch (IOException)
        {
            // The server may close while we are still writing.
        }

        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Telnet_commands_inside_a_line_are_ignored()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.WriteRawAsync([255, 251, 1, (byte)'N', (byte)'O', 255, 244, (byte)'O', (byte)'P', (byte)'\r', (byte)'\n']);
        Assert.Equal(200, (await client.ReadReplyAsync()).Code);
    }
}
