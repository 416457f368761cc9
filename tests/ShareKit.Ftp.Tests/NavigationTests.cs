using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

public sealed class NavigationTests
{
    [Fact]
    public async Task Cwd_pwd_and_cdup_move_through_folders()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("books/sf/dune.epub", [1, 2, 3]);
        await using var client = await server.LoginAsync();
        Assert.Equal("\"/\" is the current folder.", (await client.SendAsync("PWD")).Text);
        Assert.Equal(250, (await client.SendAsync("CWD books/sf")).Code);
        Assert.StartsWith("\"/books/sf\"", (await client.SendAsync("PWD")).Text, StringComparison.Ordinal);
        Assert.Equal(250, (await client.SendAsync("CDUP")).Code);
        Assert.StartsWith("\"/books\"", (await client.SendAsync("XPWD")).Text, StringComparison.Ordinal);
        Assert.Equal(550, (await client.SendAsync("CWD nowhere")).Code);
        Assert.Equal(550, (await client.SendAsync("CWD sf/dune.epub")).Code);
    }

    [Fact]
    public async Task Cwd_dot_dot_never_climbs_above_the_share_root()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.LoginAsync();
        Assert.Equal(250, (await client.SendAsync("CWD ../..")).Code);
        Assert.StartsWith("\"/\"", (await client.SendAsync("PWD")).Text, StringComparison.Ordinal);
        Assert.Equal(250, (await client.SendAsync("CDUP")).Code);
        Assert.StartsWith("\"/\"", (await client.SendAsync("PWD")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Size_and_mdtm_describe_files_and_refuse_folders()
    {
        await using var server = await FtpTestServer.StartAsync();
        var file = server.WriteFile("a.bin", new byte[1234]);
        File.SetLastWriteTimeUtc(file, new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.Combine(server.ShareFolder(), "dir"));
        await using var client = await server.LoginAsync();
        Assert.Equal("1234", (await client.SendAsync("SIZE a.bin")).Text);
        Assert.Equal("20240229131415", (await client.SendAsync("MDTM /a.bin")).Text);
        Assert.Equal(550, (await client.SendAsync("SIZE dir")).Code);
        Assert.Equal(550, (await client.SendAsync("MDTM missing")).Code);
        Assert.Equal(501, (await client.SendAsync("SIZE")).Code);
    }

    [Fact]
    public async Task Mlst_gives_the_facts_of_one_entry_in_a_multiline_reply()
    {
        await using var server = await FtpTestServer.StartAsync();
        var file = server.WriteFile("Ünïcode name.txt", new byte[42]);
        File.SetLastWriteTimeUtc(file, new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        await using var client = await server.LoginAsync();
        var reply = await client.SendAsync("MLST Ünïcode name.txt");
        Assert.Equal(250, reply.Code);
        Assert.Equal(3, reply.Lines.Count);
        Assert.StartsWith("250-", reply.Lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^ type=file;size=42;modify=20230102030405;perm=r;unique=[0-9a-f]{16}; /Ünïcode name\.txt$", reply.Lines[1]);
        Assert.Equal(550, (await client.SendAsync("MLST nothing")).Code);
    }

    [Fact]
    public async Task Opts_mlst_limits_the_facts()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("a.txt", new byte[5]);
        await using var client = await server.LoginAsync();
        Assert.Equal("MLST OPTS size;type;", (await client.SendAsync("OPTS MLST type;size;bogus;")).Text);
        Assert.Equal(" type=file;size=5; /a.txt", (await client.SendAsync("MLST a.txt")).Lines[1]);
    }

    [Fact]
    public async Task Feat_lists_the_extensions_clients_look_for()
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var reply = await client.SendAsync("FEAT");
        Assert.Equal(211, reply.Code);
        foreach (var feature in new[] { " UTF8", " SIZE", " MDTM", " REST STREAM", " EPSV", " EPRT", " AUTH TLS", " PBSZ", " PROT", " HOST", " MLST type*;size*;modify*;perm*;unique*;" })
        {
            Assert.Contains(feature, reply.Lines);
        }

        Assert.Equal("211 End", reply.Lines[^1]);
    }

    [Fact]
    public async Task Feat_leaves_out_tls_when_tls_is_off()
    {
        await using var server = await FtpTestServer.StartAsync(s => s["tls:mode"] = "off");
        await using var client = await server.ConnectAsync();
        var reply = await client.SendAsync("FEAT");
        Assert.DoesNotContain(" AUTH TLS", reply.Lines);
        Assert.Equal(502, (await client.SendAsync("AUTH TLS")).Code);
    }

    [Theory]
    [InlineData("SYST", 215)]
    [InlineData("NOOP", 200)]
    [InlineData("TYPE I", 200)]
    [InlineData("TYPE A", 200)]
    [InlineData("TYPE L 8", 200)]
    [InlineData("TYPE E", 504)]
    [InlineData("TYPE X", 501)]
    [InlineData("TYPE", 501)]
    [InlineData("MODE S", 200)]
    [InlineData("MODE B", 504)]
    [InlineData("STRU F", 200)]
    [InlineData("STRU R", 504)]
    [InlineData("OPTS UTF8 ON", 200)]
    [InlineData("OPTS UTF8 OFF", 504)]
    [InlineData("OPTS FOO", 501)]
    [InlineData("HELP", 214)]
    [InlineData("HELP RETR", 214)]
    [InlineData("STAT", 211)]
    [InlineData("SITE CHMOD 777 x", 502)]
    [InlineData("REST abc", 501)]
    [InlineData("REST 10", 350)]
    [InlineData("RNTO b", 503)]
    [InlineData("PBSZ 0", 503)]
    [InlineData("PROT P", 503)]
    [InlineData("ABOR", 225)]
    [InlineData("USER someone", 503)]
    public async Task Simple_commands_reply_with_the_rfc_codes(string command, int code)
    {
        await using var server = await FtpTestServer.StartAsync();
        await using var client = await server.LoginAsync();
        var reply = await client.SendAsync(command);
        Assert.True(reply.Code == code, $"{command}: {reply}");
    }

    [Fact]
    public async Task Stat_with_a_path_lists_on_the_control_connection()
    {
        await using var server = await FtpTestServer.StartAsync();
        server.WriteFile("x/one.txt", new byte[3]);
        await using var client = await server.LoginAsync();
        var reply = await client.SendAsync("STAT x");
        Assert.Equal(213, reply.Code);
        Assert.Contains(reply.Lines, l => l.EndsWith(" one.txt", StringComparison.Ordinal) && l.StartsWith(" -r--r--r--", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_shares_are_folders_under_a_read_only_root()
    {
        await using var server = await FtpTestServer.StartAsync(
            null, ("books", ShareAccess.PublicRead), ("music", ShareAccess.PublicRead), ("secret", ShareAccess.Private));
        server.WriteFile("song.ogg", new byte[7], "music");
        server.WriteFile("hidden.txt", new byte[7], "secret");
        await using var client = await server.LoginAsync();
        var (names, reply) = await client.DownloadAsync("NLST");
        Assert.Equal(226, reply.Code);
        Assert.Equal("books\r\nmusic\r\n", System.Text.Encoding.UTF8.GetString(names));
        Assert.Equal("7", (await client.SendAsync("SIZE /music/song.ogg")).Text);
        Assert.Equal(250, (await client.SendAsync("CWD music")).Code);
        Assert.Equal(250, (await client.SendAsync("CWD ../books")).Code);
        Assert.Equal(550, (await client.SendAsync("CWD /secret")).Code);
        Assert.Equal(550, (await client.SendAsync("SIZE /secret/hidden.txt")).Code);
    }
}
