using System.Text;

namespace ShareKit.Ftp.Tests;

public sealed class TlsTests
{
    [Fact]
    public async Task Auth_tls_protects_the_control_and_prot_p_the_data_connections()
    {
        await using var server = await FtpTestServer.StartAsync();
        var content = TransferTests.RandomBytes(500_000);
        server.WriteFile("f.bin", content);
        await using var client = await server.ConnectAsync();
        await client.UpgradeToTlsAsync();
        await client.LoginAsync("anonymous", "x");
        Assert.Equal(200, (await client.SendAsync("PBSZ 0")).Code);
        Assert.Equal(200, (await client.SendAsync("PROT P")).Code);
        var (listing, reply) = await client.DownloadAsync("LIST", tls: true);
        Assert.Equal(226, reply.Code);
        Assert.Contains("f.bin", Encoding.UTF8.GetString(listing), StringComparison.Ordinal);
        var (data, done) = await client.DownloadAsync("RETR f.bin", tls: true);
        Assert.Equal(226, done.Code);
        Assert.Equal(content, data);
        Assert.Equal(503, (await client.SendAsync("AUTH TLS")).Code);
    }

    [Fact]
    public async Task Uploads_over_prot_p_are_committed()
    {
        await using var server = await FtpTestServer.StartAsync(
            s => LoginTests.AddUser(s, 0, "writer", "pw", "inbox", "read-write"),
            ("library", ShareKit.Sdk.ShareAccess.PublicRead),
            ("inbox", ShareKit.Sdk.ShareAccess.Private));
        var content = TransferTests.RandomBytes(1_500_000);
        await using var client = await server.ConnectAsync();
        await client.UpgradeToTlsAsync();
        await client.LoginAsync("writer", "pw");
        await client.SendAsync("PBSZ 0");
        await client.SendAsync("PROT P");
        Assert.Equal(226, (await client.UploadAsync("STOR tls.bin", content, tls: true)).Reply.Code);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(server.ShareFolder("inbox"), "tls.bin")));
    }

    [Fact]
    public async Task The_self_signed_certificate_is_made_once_in_the_data_directory()
    {
        await using var server = await FtpTestServer.StartAsync();
        var file = Path.Combine(server.DataDirectory, "ftp", "certificate.pfx");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var before = await File.ReadAllBytesAsync(file);
        await server.Service.StopAsync(CancellationToken.None);
        await server.Service.StartAsync(CancellationToken.None);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Required_all_refuses_clear_data_connections()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["tls:mode"] = "required-all");
        server.WriteFile("f.txt", "x"u8.ToArray());
        await using var client = await server.ConnectAsync();
        await client.UpgradeToTlsAsync();
        await client.LoginAsync("anonymous", "x");
        await client.SendAsync("EPSV");
        Assert.Equal(521, (await client.SendAsync("RETR f.txt")).Code);
        Assert.Equal(200, (await client.SendAsync("PBSZ 0")).Code);
        Assert.Equal(534, (await client.SendAsync("PROT C")).Code);
        Assert.Equal(536, (await client.SendAsync("PROT S")).Code);
        Assert.Equal(200, (await client.SendAsync("PROT P")).Code);
        Assert.Equal("x"u8.ToArray(), (await client.DownloadAsync("RETR f.txt", tls: true)).Data);
    }
}
