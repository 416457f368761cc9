using System.Net;

namespace ShareKit.Ftp.Tests;

public sealed class LimitsTests
{
    [Fact]
    public async Task Connections_over_the_per_address_limit_get_421()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["limits:connectionsPerAddress"] = "2");
        await using var one = await server.ConnectAsync();
        await using var two = await server.ConnectAsync();
        await using var three = await server.ConnectAsync();
        Assert.Equal(220, one.Greeting.Code);
        Assert.Equal(220, two.Greeting.Code);
        Assert.Equal(421, three.Greeting.Code);
        Assert.Contains("your address", three.Greeting.Text, StringComparison.Ordinal);
        await using var other = await server.ConnectAsync(localAddress: "127.0.0.3");
        Assert.Equal(220, other.Greeting.Code);
    }

    [Fact]
    public async Task A_freed_slot_can_be_used_again()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["limits:connections"] = "1");
        await using (var first = await server.ConnectAsync())
        {
            Assert.Equal(221, (await first.SendAsync("QUIT")).Code);
            Assert.True(await first.IsClosedByServerAsync());
        }

        await ShareKit.Testing.Eventually.TrueAsync(
            async () =>
            {
                await using var again = await server.ConnectAsync();
                return again.Greeting.Code == 220;
            },
            TimeSpan.FromSeconds(5),
            "the slot of the closed session to be released");
    }

    [Fact]
    public async Task An_idle_control_connection_is_closed_with_421()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["timeouts:idle"] = "0.3");
        await using var client = await server.ConnectAsync();
        var reply = await client.ReadReplyAsync();
        Assert.Equal(421, reply.Code);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task A_passive_data_connection_that_never_comes_is_425_after_the_accept_timeout()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["timeouts:accept"] = "0.5");
        server.WriteFile("f.txt", "x"u8.ToArray());
        await using var client = await server.LoginAsync();
        Assert.Equal(229, (await client.SendAsync("EPSV")).Code);
        Assert.Equal(150, (await client.SendAsync("RETR f.txt")).Code);
        Assert.Equal(425, (await client.ReadReplyAsync()).Code);
        Assert.Equal(200, (await client.SendAsync("NOOP")).Code);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_aborted_after_the_data_timeout()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["timeouts:data"] = "0.5");
        server.WriteFile("big.bin", new byte[48 * 1024 * 1024]);
        await using var client = await server.LoginAsync();
        using var data = await client.OpenPassiveAsync();
        data.ReceiveBufferSize = 4096;
        Assert.Equal(150, (await client.SendAsync("RETR big.bin")).Code);
        var reply = await client.ReadReplyAsync();
        Assert.Equal(426, reply.Code);
        Assert.Contains("No data moved", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_login_delay_doubles_up_to_the_cap()
    {
        var options = new FtpOptions { FailedLoginDelay = TimeSpan.FromSeconds(1), MaxFailedLoginDelay = TimeSpan.FromSeconds(16) };
        var throttle = new LoginThrottle(options, TimeProvider.System);
        var address = IPAddress.Parse("192.0.2.7");
        var delays = Enumerable.Range(0, 7).Select(_ => throttle.RecordFailure(address).TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 16, 16], delays);
    }

    [Fact]
    public void An_address_is_refused_after_too_many_failures_until_the_window_passes()
    {
        var time = new ManualTime();
        var options = new FtpOptions { MaxFailedLoginsPerAddress = 3, FailedLoginWindow = TimeSpan.FromMinutes(15) };
        var throttle = new LoginThrottle(options, time);
        var address = IPAddress.Parse("192.0.2.7");
        for (var i = 0; i < 3; i++)
        {
            Assert.False(throttle.IsBlocked(address));
            throttle.RecordFailure(address);
        }

        Assert.True(throttle.IsBlocked(address));
        Assert.False(throttle.IsBlocked(IPAddress.Parse("192.0.2.8")));
        time.Now += TimeSpan.FromMinutes(16);
        Assert.False(throttle.IsBlocked(address));
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
