using ShareKit.Testing;

namespace ShareKit.Interop.Tests.Ftp;

public sealed class FtplibTests
{
    // One script for FTP and FTP_TLS: login, mlsd, retrbinary with rest, storbinary, abort mid-transfer.
    private const string Script = """
        import ftplib, hashlib, io, sys
        port, tls, expect_sha = int(sys.argv[1]), sys.argv[2] == "tls", sys.argv[3]
        cls = ftplib.FTP_TLS if tls else ftplib.FTP
        ftp = cls()
        ftp.connect("127.0.0.1", port, timeout=30)
        ftp.login("writer", "pw")
        if tls:
            ftp.prot_p()
        facts = dict(ftp.mlsd("/", facts=["type", "size", "modify"]))
        assert facts["big.bin"]["type"] == "file", facts
        size = int(facts["big.bin"]["size"])
        assert len(facts["big.bin"]["modify"]) == 14, facts

        tail = io.BytesIO()
        ftp.retrbinary("RETR big.bin", tail.write, rest=size - 1000)
        assert len(tail.getvalue()) == 1000, len(tail.getvalue())

        whole = io.BytesIO()
        ftp.retrbinary("RETR big.bin", whole.write)
        assert hashlib.sha256(whole.getvalue()).hexdigest() == expect_sha

        ftp.storbinary("STOR from-python.bin", io.BytesIO(whole.getvalue()[:123457]))
        assert ftp.size("from-python.bin") == 123457

        conn = ftp.transfercmd("RETR big.bin")
        conn.recv(8192)
        reply = ftp.abort()
        conn.close()
        assert reply[:3] in ("426", "225", "226"), reply
        # After the 426 the server sends 226 for the ABOR itself; read it before the next command.
        if reply.startswith("426"):
            assert ftp.getresp()[:3] == "226"
        assert ftp.voidcmd("NOOP").startswith("200")
        ftp.quit()
        print("ok")
        """;

    [Theory]
    [InlineData("plain")]
    [InlineData("tls")]
    public async Task Python_ftplib_logs_in_lists_resumes_uploads_and_aborts(string mode)
    {
        await using var server = await FtpInterop.StartAsync();
        var content = FtpInterop.RandomBytes(16 * 1024 * 1024);
        server.WriteFile("big.bin", content, "inbox");
        using var work = new TempDirectory();
        var script = work.WriteFile("client.py", System.Text.Encoding.UTF8.GetBytes(Script));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var result = await FtpInterop.RunAsync("python3", "python3", script, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), mode, sha);
        Assert.Contains("ok", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(content[..123457], await File.ReadAllBytesAsync(Path.Combine(server.ShareFolder("inbox"), "from-python.bin")));
    }
}
