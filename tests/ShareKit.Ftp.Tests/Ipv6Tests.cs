using System.Net;
using System.Net.Sockets;

namespace ShareKit.Ftp.Tests;

public sealed class Ipv6Tests
{
    [Fact]
    public async Task Over_ipv6_epsv_and_eprt_work_and_pasv_and_port_are_refused()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["listen"] = "tcp://[::1]:0");
        var content = TransferTests.RandomBytes(300_000);
        server.WriteFile("f.bin", content);
        await using var client = await FtpTestClient.ConnectAsync(server.Port, server: IPAddress.IPv6Loopback);
        await client.LoginAsync("anonymous", "x");
        Assert.Equal(content, (await client.DownloadAsync("RETR f.bin")).Data);
        Assert.Equal(425, (await client.SendAsync("PASV")).Code);
        Assert.Equal(522, (await client.SendAsync("EPSV 1")).Code);
        Assert.Equal(501, (await client.SendAsync("PORT 127,0,0,1,200,10")).Code);

        using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        Assert.Equal(200, (await client.SendAsync($"EPRT |2|::1|{port}|")).Code);
        Assert.Equal(150, (await client.SendAsync("RETR f.bin")).Code);
        using var data = await listener.AcceptAsync();
        Assert.Equal(content, await FtpTestClient.ReadAllAsync(new NetworkStream(data)));
        Assert.Equal(226, (await client.ReadReplyAsync()).Code);
        Assert.Equal(["ftp://[::1]:" + server.Port], server.Service.ListenAddresses);
    }
}
