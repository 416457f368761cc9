using System.Net.Sockets;
using System.Text;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Ftp.Tests;

public sealed class UploadTests
{
    private static Task<FtpTestServer> StartWritableAsync(Action<Dictionary<string, string?>>? more = null) =>
        FtpTestServer.StartAsync(
            s =>
            {
                LoginTests.AddUser(s, 0, "writer", "pw", "inbox", "read-write");
                LoginTests.AddUser(s, 1, "reader", "pw", "inbox", "read");
                more?.Invoke(s);
            },
            ("library", ShareAccess.PublicRead),
            ("inbox", ShareAccess.Private));

    [Fact]
    public async Task Stor_publishes_the_file_only_when_complete()
    {
        await using var server = await StartWritableAsync();
        await using var client = await server.LoginAsync("writer", "pw");
        var content = TransferTests.RandomBytes(2 * 1024 * 1024 + 5);
        var (_, reply) = await client.UploadAsync("STOR new.bin", content);
        Assert.Equal(226, reply.Code);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(server.ShareFolder("inbox"), "new.bin")));
    }

    [Fact]
    public async Task Stor_replaces_an_existing_file()
    {
        await using var server = await StartWritableAsync();
        server.WriteFile("f.txt", "old old old"u8.ToArray(), "inbox");
        await using var client = await server.LoginAsync("writer", "pw");
        Assert.Equal(226, (await client.UploadAsync("STOR f.txt", "new"u8.ToArray())).Reply.Code);
        Assert.Equal("new", await File.ReadAllTextAsync(Path.Combine(server.ShareFolder("inbox"), "f.txt")));
    }

    [Fact]
    public async Task Uploads_and_changes_are_refused_for_read_only_logins()
    {
        await using var server = await StartWritableAsync();
        server.WriteFile("f.txt", "x"u8.ToArray(), "inbox");
        server.WriteFile("g.txt", "x"u8.ToArray());
        await using var reader = await server.LoginAsync("reader", "pw");
        await using var anonymous = await server.LoginAsync();
        foreach (var client in new[] { reader, anonymous })
        {
            await client.SendAsync("EPSV");
            foreach (var command in new[] { "STOR a.txt", "APPE f.txt", "STOU", "DELE f.txt", "MKD d", "RMD d", "RNFR f.txt" })
            {
                var reply = await client.SendAsync(command);
                Assert.True(reply.Code == 550, $"{command}: {reply}");
            }
        }

        Assert.True(File.Exists(Path.Combine(server.ShareFolder("inbox"), "f.txt")));
    }

    [Fact]
    public async Task Appe_appends_and_rest_before_appe_is_refused()
    {
        await using var server = await StartWritableAsync();
        server.WriteFile("log.txt", "one,"u8.ToArray(), "inbox");
        await using var client = await server.LoginAsync("writer", "pw");
        Assert.Equal(226, (await client.UploadAsync("APPE log.txt", "two"u8.ToArray())).Reply.Code);
        Assert.Equal("one,two", await File.ReadAllTextAsync(Path.Combine(server.ShareFolder("inbox"), "log.txt")));
        await client.SendAsync("EPSV");
        Assert.Equal(350, (await client.SendAsync("REST 2")).Code);
        Assert.Equal(503, (await client.SendAsync("APPE log.txt")).Code);
    }

    [Fact]
    public async Task Stou_stores_under_a_new_name_and_says_which()
    {
        await using var server = await StartWritableAsync();
        await using var client = await server.LoginAsync("writer", "pw");
        var (start, reply) = await client.UploadAsync("STOU", "unique"u8.ToArray());
        Assert.Equal(226, reply.Code);
        var name = start.Text["FILE: ".Length..];
        Assert.Equal("unique", await File.ReadAllTextAsync(Path.Combine(server.ShareFolder("inbox"), name)));
    }

    [Fact]
    public async Task Mkd_rmd_dele_and_rename_change_the_share()
    {
        await using var server = await StartWritableAsync();
        server.WriteFile("f.txt", "x"u8.ToArray(), "inbox");
        var root = server.ShareFolder("inbox");
        await using var client = await server.LoginAsync("writer", "pw");
        var mkd = await client.SendAsync("MKD dir");
        Assert.Equal(257, mkd.Code);
        Assert.StartsWith("\"/dir\"", mkd.Text, StringComparison.Ordinal);
        Assert.Equal(550, (await client.SendAsync("MKD dir")).Code);
        Assert.Equal(350, (await client.SendAsync("RNFR f.txt")).Code);
        Assert.Equal(250, (await client.SendAsync("RNTO dir/g.txt")).Code);
        Assert.True(File.Exists(Path.Combine(root, "dir", "g.txt")));
        Assert.Equal(550, (await client.SendAsync("RMD dir")).Code);
        Assert.Equal(550, (await client.SendAsync("DELE dir")).Code);
        Assert.Equal(250, (await client.SendAsync("DELE dir/g.txt")).Code);
        Assert.Equal(250, (await client.SendAsync("RMD dir")).Code);
        Assert.False(Directory.Exists(Path.Combine(root, "dir")));
        Assert.Equal(550, (await client.SendAsync("DELE nothing")).Code);
        Assert.Equal(550, (await client.SendAsync("RMD /")).Code);
    }

    [Fact]
    public async Task Rnfr_without_rnto_renames_nothing()
    {
        await using var server = await StartWritableAsync();
        server.WriteFile("f.txt", "x"u8.ToArray(), "inbox");
        server.WriteFile("g.txt", "y"u8.ToArray(), "inbox");
        await using var client = await server.LoginAsync("writer", "pw");
        Assert.Equal(350, (await client.SendAsync("RNFR f.txt")).Code);
        Assert.Equal(200, (await client.SendAsync("NOOP")).Code);
        Assert.Equal(257, (await client.SendAsync("PWD")).Code);
        Assert.Equal(503, (await client.SendAsync("RNTO h.txt")).Code);
        Assert.Equal(550, (await client.SendAsync("RNFR missing")).Code);
        Assert.Equal(350, (await client.SendAsync("RNFR f.txt")).Code);
        Assert.Equal(553, (await client.SendAsync("RNTO g.txt")).Code);
        Assert.True(File.Exists(Path.Combine(server.ShareFolder("inbox"), "f.txt")));
    }

    [Fact]
    public async Task A_client_that_vanishes_mid_stor_leaves_nothing_visible_and_rest_stor_resumes()
    {
        await using var server = await StartWritableAsync();
        var content = TransferTests.RandomBytes(1024 * 1024);
        var target = Path.Combine(server.ShareFolder("inbox"), "partial.bin");
        var sent = 300_000;
        await using (var client = await server.LoginAsync("writer", "pw"))
        {
            var data = await client.OpenPassiveAsync();
            Assert.Equal(150, (await client.SendAsync("STOR partial.bin")).Code);
            await data.SendAsync(content.AsMemory(0, sent));
            await Eventually.TrueAsync(
                async () => (await client.SendAsync("STAT")).Text.Contains($" {sent} bytes", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10),
                "the server to have received the first part");

            // The control connection goes first, then the data connection ends with a FIN that looks like a normal end.
            client.Socket.Close();
            try
            {
                data.Shutdown(SocketShutdown.Send);
                await FtpTestClient.ReadAllAsync(new NetworkStream(data));
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                // The server may already have dropped the data connection when it saw the control connection go.
            }

            data.Dispose();
        }

        // Nothing is published, whatever the order the server saw the two closes in.
        await using var next = await server.LoginAsync("writer", "pw");
        await Eventually.TrueAsync(
            async () => (await next.SendAsync("SIZE partial.bin")).Code == 550 && !File.Exists(target),
            TimeSpan.FromSeconds(5),
            "the abandoned upload to stay invisible");
        var resumeAt = 0L;
        await Eventually.TrueAsync(
            async () =>
            {
                // The staged length is offered in the 554 reply when a too-large REST is asked for.
                await next.SendAsync("EPSV");
                await next.SendAsync("REST 999999999");
                var reply = await next.SendAsync("STOR partial.bin");
                var match = System.Text.RegularExpressions.Regex.Match(reply.Text, @"only (\d+) bytes");
                resumeAt = match.Success ? long.Parse(match.Groups[1].Value) : -1;
                return reply.Code == 554 && resumeAt > 0;
            },
            TimeSpan.FromSeconds(5),
            "the staged upload to be released by the vanished session");
        Assert.Equal(sent, resumeAt);

        Assert.Equal(350, (await next.SendAsync($"REST {resumeAt}")).Code);
        var (_, done) = await next.UploadAsync("STOR partial.bin", content[(int)resumeAt..]);
        Assert.Equal(226, done.Code);
        Assert.Equal(content, await File.ReadAllBytesAsync(target));
    }

    [Fact]
    public async Task An_upload_reset_by_the_client_is_not_published()
    {
        await using var server = await StartWritableAsync();
        await using var client = await server.LoginAsync("writer", "pw");
        var data = await client.OpenPassiveAsync();
        Assert.Equal(150, (await client.SendAsync("STOR reset.bin")).Code);
        await data.SendAsync(new byte[100_000]);
        data.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        data.Close();
        Assert.Equal(426, (await client.ReadReplyAsync()).Code);
        Assert.False(File.Exists(Path.Combine(server.ShareFolder("inbox"), "reset.bin")));
        Assert.Equal(550, (await client.SendAsync("SIZE reset.bin")).Code);
    }

    [Fact]
    public async Task Unicode_names_round_trip()
    {
        await using var server = await StartWritableAsync();
        await using var client = await server.LoginAsync("writer", "pw");
        Assert.Equal(257, (await client.SendAsync("MKD Ñandú 東京")).Code);
        Assert.Equal(226, (await client.UploadAsync("STOR Ñandú 東京/ünï.txt", "ok"u8.ToArray())).Reply.Code);
        Assert.True(File.Exists(Path.Combine(server.ShareFolder("inbox"), "Ñandú 東京", "ünï.txt")));
        Assert.Equal("ünï.txt\r\n", Encoding.UTF8.GetString((await client.DownloadAsync("NLST Ñandú 東京")).Data));
    }
}
