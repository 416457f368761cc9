using System.Net;
using System.Net.Sockets;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

public sealed class TransferTests
{
    [Fact]
    public async Task List_is_ls_style_with_crlf_lines()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("b.txt", new byte[10]);
        Directory.CreateDirectory(Path.Combine(server.ShareFolder(), "a folder"));
        await using var client = await server.LoginAsync();
        var (data, reply) = await client.DownloadAsync("LIST -la");
        Assert.Equal(226, reply.Code);
        var lines = Encoding.UTF8.GetString(data).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^dr-xr-xr-x 1 ftp ftp +0 \w{3} \d\d (\d\d:\d\d| \d{4}) a folder$", lines[0]);
        Assert.Matches(@"^-r--r--r-- 1 ftp ftp +10 \w{3} \d\d (\d\d:\d\d| \d{4}) b\.txt$", lines[1]);
    }

    [Fact]
    public async Task Nlst_and_mlsd_list_names_and_facts()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("docs/x.txt", new byte[3]);
        server.WriteFile("docs/sub/y.txt", new byte[3]);
        await using var client = await server.LoginAsync();
        Assert.Equal("sub\r\nx.txt\r\n", Encoding.UTF8.GetString((await client.DownloadAsync("NLST docs")).Data));
        var mlsd = Encoding.UTF8.GetString((await client.DownloadAsync("MLSD /docs")).Data).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("type=dir;size=0;modify=", mlsd[0], StringComparison.Ordinal);
        Assert.EndsWith("perm=el;unique=" + mlsd[0].Split("unique=")[1], mlsd[0], StringComparison.Ordinal);
        Assert.Matches(@"^type=file;size=3;modify=\d{14};perm=r;unique=[0-9a-f]{16}; x\.txt$", mlsd[1]);
    }

    [Fact]
    public async Task Mlsd_of_a_file_is_501_and_list_of_nothing_is_550()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("x.txt", new byte[3]);
        await using var client = await server.LoginAsync();
        await client.SendAsync("EPSV");
        Assert.Equal(501, (await client.SendAsync("MLSD x.txt")).Code);
        Assert.Equal(550, (await client.SendAsync("LIST nothing")).Code);
    }

    [Fact]
    public async Task Retr_sends_the_file_byte_for_byte()
    {
        await using var server = await FtpTestServer.StartAsync();
        var content = RandomBytes(3 * 1024 * 1024 + 17);
        server.WriteFile("big.bin", content);
        await using var client = await server.LoginAsync();
        await client.SendAsync("TYPE I");
        var (data, reply) = await client.DownloadAsync("RETR big.bin");
        Assert.Equal(226, reply.Code);
        Assert.Equal(content, data);
    }

    [Fact]
    public async Task Retr_with_rest_offset_sends_the_tail_only()
    {
        await using var server = await FtpTestServer.StartAsync();
        var content = RandomBytes(100_000);
        server.WriteFile("f.bin", content);
        await using var client = await server.LoginAsync();
        Assert.Equal(350, (await client.SendAsync("REST 40000")).Code);
        var (data, reply) = await client.DownloadAsync("RETR f.bin");
        Assert.Equal(226, reply.Code);
        Assert.Equal(content[40000..], data);
        var (again, _) = await client.DownloadAsync("RETR f.bin");
        Assert.Equal(content, again);
    }

    [Fact]
    public async Task Rest_past_the_end_is_554()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("f.bin", new byte[10]);
        await using var client = await server.LoginAsync();
        await client.SendAsync("EPSV");
        await client.SendAsync("REST 11");
        Assert.Equal(554, (await client.SendAsync("RETR f.bin")).Code);
    }

    [Fact]
    public async Task Rest_is_forgotten_after_an_unrelated_command()
    {
        await using var server = await FtpTestServer.StartAsync();
        var content = RandomBytes(1000);
        server.WriteFile("f.bin", content);
        await using var client = await server.LoginAsync();
        await client.SendAsync("REST 500");
        await client.SendAsync("PWD");
        Assert.Equal(content, (await client.DownloadAsync("RETR f.bin")).Data);
    }

    [Fact]
    public async Task Transfer_without_a_data_channel_is_425()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("f.bin", new byte[10]);
        await using var client = await server.LoginAsync();
        Assert.Equal(425, (await client.SendAsync("RETR f.bin")).Code);
        Assert.Equal(425, (await client.SendAsync("LIST")).Code);
    }

    [Fact]
    public async Task Retr_of_a_missing_file_or_folder_is_550()
    {
        await using var server = await FtpTestServer.StartAsync();
        Directory.CreateDirectory(Path.Combine(server.ShareFolder(), "dir"));
        await using var client = await server.LoginAsync();
        await client.SendAsync("EPSV");
        Assert.Equal(550, (await client.SendAsync("RETR missing.txt")).Code);
        Assert.Equal(550, (await client.SendAsync("RETR dir")).Code);
    }

    [Fact]
    public async Task Pasv_announces_an_ipv4_address_and_port_that_work()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("f.txt", "hello"u8.ToArray());
        await using var client = await server.LoginAsync();
        var reply = await client.SendAsync("PASV");
        Assert.Equal(227, reply.Code);
        var numbers = System.Text.RegularExpressions.Regex.Match(reply.Text, @"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)").Groups;
        Assert.Equal("127.0.0.1", $"{numbers[1]}.{numbers[2]}.{numbers[3]}.{numbers[4]}");
        var port = (int.Parse(numbers[5].Value) * 256) + int.Parse(numbers[6].Value);
        using var data = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await data.ConnectAsync(IPAddress.Loopback, port);
        Assert.Equal(150, (await client.SendAsync("RETR f.txt")).Code);
        Assert.Equal("hello"u8.ToArray(), await FtpTestClient.ReadAllAsync(new NetworkStream(data)));
        Assert.Equal(226, (await client.ReadReplyAsync()).Code);
    }

    [Fact]
    public async Task Pasv_uses_the_port_range_and_the_masquerade_address()
    {
        await using var server = await FtpTestServer.StartAsync(s =>
        {
            s["passivePorts"] = "50510-50519";
            s["masqueradeAddress"] = "203.0.113.9";
        });
        await using var client = await server.LoginAsync();
        var reply = await client.SendAsync("PASV");
        var numbers = System.Text.RegularExpressions.Regex.Match(reply.Text, @"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)").Groups;
        Assert.Equal("203.0.113.9", $"{numbers[1]}.{numbers[2]}.{numbers[3]}.{numbers[4]}");
        Assert.InRange((int.Parse(numbers[5].Value) * 256) + int.Parse(numbers[6].Value), 50510, 50519);
    }

    [Fact]
    public async Task Passive_data_connection_from_another_address_is_refused()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["timeouts:accept"] = "1");
        server.WriteFile("f.txt", "secret"u8.ToArray());
        await using var client = await server.LoginAsync();
        using var intruder = await client.OpenPassiveAsync(localAddress: "127.0.0.2");
        Assert.Equal(150, (await client.SendAsync("RETR f.txt")).Code);
        Assert.Equal(425, (await client.ReadReplyAsync()).Code);
        Assert.Empty(await FtpTestClient.ReadAllAsync(new NetworkStream(intruder)));
    }

    [Fact]
    public async Task Active_mode_connects_back_to_the_client()
    {
        await using var server = await FtpTestServer.StartAsync();
        var content = RandomBytes(200_000);
        server.WriteFile("f.bin", content);
        await using var client = await server.LoginAsync();
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        Assert.Equal(200, (await client.SendAsync($"PORT 127,0,0,1,{port >> 8},{port & 255}")).Code);
        Assert.Equal(150, (await client.SendAsync("RETR f.bin")).Code);
        using var data = await listener.AcceptAsync();
        Assert.Equal(content, await FtpTestClient.ReadAllAsync(new NetworkStream(data)));
        Assert.Equal(226, (await client.ReadReplyAsync()).Code);

        Assert.Equal(200, (await client.SendAsync($"EPRT |1|127.0.0.1|{port}|")).Code);
        Assert.Equal(150, (await client.SendAsync("NLST")).Code);
        using var data2 = await listener.AcceptAsync();
        Assert.Equal("f.bin\r\n", Encoding.UTF8.GetString(await FtpTestClient.ReadAllAsync(new NetworkStream(data2))));
        Assert.Equal(226, (await client.ReadReplyAsync()).Code);
    }

    [Theory]
    [InlineData("PORT 127,0,0,2,200,10", 501)]
    [InlineData("PORT 10,0,0,1,200,10", 501)]
    [InlineData("PORT 127,0,0,1,0,21", 501)]
    [InlineData("PORT 127,0,0,1,3,255", 501)]
    [InlineData("PORT 127,0,0,1,300,1", 501)]
    [InlineData("PORT garbage", 501)]
    [InlineData("EPRT |1|192.0.2.1|6000|", 501)]
    [InlineData("EPRT |1|127.0.0.1|21|", 501)]
    [InlineData("EPRT |3|127.0.0.1|6000|", 522)]
    [InlineData("EPRT |2|::1|6000|", 501)]
    [InlineData("EPRT nonsense", 501)]
    [InlineData("EPSV 2", 522)]
    public async Task Port_and_eprt_refuse_other_hosts_and_privileged_ports(string command, int code)
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.LoginAsync();
        var reply = await client.SendAsync(command);
        Assert.True(reply.Code == code, $"{command}: {reply}");
    }

    [Fact]
    public async Task Epsv_all_locks_out_pasv_and_port()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.LoginAsync();
        Assert.Equal(200, (await client.SendAsync("EPSV ALL")).Code);
        Assert.Equal(503, (await client.SendAsync("PASV")).Code);
        Assert.Equal(503, (await client.SendAsync("PORT 127,0,0,1,20,0")).Code);
        Assert.Equal(229, (await client.SendAsync("EPSV")).Code);
    }

    [Fact]
    public async Task Abor_during_a_retr_replies_426_then_226()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("big.bin", new byte[48 * 1024 * 1024]);
        await using var client = await server.LoginAsync();
        using var data = await client.OpenPassiveAsync();
        Assert.Equal(150, (await client.SendAsync("RETR big.bin")).Code);
        var first = new byte[1000];
        Assert.True(await data.ReceiveAsync(first) > 0);

        // Telnet IP + Synch before ABOR, as RFC 959 clients send it.
        await client.WriteRawAsync([255, 244, 255, 242, .. "ABOR\r\n"u8.ToArray()]);
        Assert.Equal(426, (await client.ReadReplyAsync()).Code);
        Assert.Equal(226, (await client.ReadReplyAsync()).Code);
        Assert.Equal(200, (await client.SendAsync("NOOP")).Code);
    }

    [Fact]
    public async Task Stat_during_a_transfer_reports_progress()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("big.bin", new byte[32 * 1024 * 1024]);
        await using var client = await server.LoginAsync();
        using var data = await client.OpenPassiveAsync();
        Assert.Equal(150, (await client.SendAsync("RETR big.bin")).Code);
        Assert.True(await data.ReceiveAsync(new byte[1000]) > 0);
        var stat = await client.SendAsync("STAT");
        Assert.Equal(213, stat.Code);
        Assert.Contains("RETR /big.bin", stat.Text, StringComparison.Ordinal);
        Assert.Equal(426, (await client.SendAsync("ABOR")).Code);
        Assert.Equal(226, (await client.ReadReplyAsync()).Code);
    }

    internal static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
