using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace ShareKit.Ftp.Tests;

/// <summary>A raw FTP client over a real socket, for checking replies byte by byte.</summary>
internal sealed partial class FtpTestClient : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    private readonly Socket socket;
    private readonly List<byte> pending = [];
    private readonly byte[] chunk = new byte[8192];
    private Stream stream;

    private FtpTestClient(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: false);
    }

    public FtpTestReply Greeting { get; private set; } = new(0, string.Empty, []);

    public Socket Socket => socket;

    public static async Task<FtpTestClient> ConnectAsync(int port, string? localAddress = null, IPAddress? server = null)
    {
        server ??= IPAddress.Loopback;
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (localAddress is not null)
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        }

        await socket.ConnectAsync(server, port);
        var client = new FtpTestClient(socket);
        client.Greeting = await client.ReadReplyAsync();
        return client;
    }

    public async Task LoginAsync(string user, string password)
    {
        Assert.Equal(331, (await SendAsync("USER " + user)).Code);
        var reply = await SendAsync("PASS " + password);
        Assert.True(reply.Code == 230, reply.ToString());
    }

    public async Task<FtpTestReply> SendAsync(string command)
    {
        await WriteLineAsync(command);
        return await ReadReplyAsync();
    }

    public Task WriteLineAsync(string command) => WriteRawAsync(Encoding.UTF8.GetBytes(command + "\r\n"));

    public async Task WriteRawAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>Reads one reply (all lines of a multi-line one); throws on end of stream.</summary>
    public async Task<FtpTestReply> ReadReplyAsync()
    {
        var lines = new List<string>();
        var first = await ReadLineAsync() ?? throw new IOException("The server closed the control connection.");
        lines.Add(first);
        if (first.Length >= 4 && first[3] == '-')
        {
            var end = first[..3] + " ";
            while (true)
            {
                var line = await ReadLineAsync() ?? throw new IOException("The server closed the control connection mid-reply.");
                lines.Add(line);
                if (line.StartsWith(end, StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        var last = lines[^1];
        return new FtpTestReply(int.Parse(last[..3], CultureInfo.InvariantCulture), last.Length > 4 ? last[4..] : string.Empty, lines);
    }

    /// <summary>True when the server closed the connection (reads to the end within the timeout).</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        try
        {
            while (await ReadLineAsync() is not null)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async Task UpgradeToTlsAsync()
    {
        var reply = await SendAsync("AUTH TLS");
        Assert.True(reply.Code == 234, reply.ToString());
        var tls = new SslStream(stream, leaveInnerStreamOpen: false, AcceptSelfSigned);
        await tls.AuthenticateAsClientAsync("localhost");
        stream = tls;
    }

    /// <summary>EPSV, then connects to the announced port.</summary>
    public async Task<Socket> OpenPassiveAsync(string? localAddress = null)
    {
        var reply = await SendAsync("EPSV");
        Assert.True(reply.Code == 229, reply.ToString());
        var port = int.Parse(EpsvPort().Match(reply.Text).Groups[1].Value, CultureInfo.InvariantCulture);
        var server = ((IPEndPoint)socket.RemoteEndPoint!).Address;
        var data = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (localAddress is not null)
        {
            data.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        }

        await data.ConnectAsync(server, port);
        return data;
    }

    /// <summary>Runs a download-style command (RETR, LIST, …) over passive mode and returns the bytes and final reply.</summary>
    public async Task<(byte[] Data, FtpTestReply Reply)> DownloadAsync(string command, bool tls = false)
    {
        using var data = await OpenPassiveAsync();
        var start = await SendAsync(command);
        Assert.True(start.Code == 150, $"{command}: {start}");
        var bytes = await ReadAllAsync(await WrapAsync(data, tls));
        return (bytes, await ReadReplyAsync());
    }

    /// <summary>Runs an upload command (STOR, APPE, STOU) over passive mode.</summary>
    public async Task<(FtpTestReply Start, FtpTestReply Reply)> UploadAsync(string command, byte[] content, bool tls = false)
    {
        using var data = await OpenPassiveAsync();
        var start = await SendAsync(command);
        Assert.True(start.Code == 150, $"{command}: {start}");
        var dataStream = await WrapAsync(data, tls);
        await dataStream.WriteAsync(content);
        if (dataStream is SslStream ssl)
        {
            await ssl.ShutdownAsync();
        }

        data.Shutdown(SocketShutdown.Send);
        var reply = await ReadReplyAsync();
        return (start, reply);
    }

    public static async Task<byte[]> ReadAllAsync(Stream data)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        using var buffer = new MemoryStream();
        await data.CopyToAsync(buffer, timeout.Token);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        socket.Dispose();
    }

    private static async Task<Stream> WrapAsync(Socket data, bool tls)
    {
        var network = new NetworkStream(data, ownsSocket: false);
        if (!tls)
        {
            return network;
        }

        var ssl = new SslStream(network, leaveInnerStreamOpen: false, AcceptSelfSigned);
        await ssl.AuthenticateAsClientAsync("localhost");
        return ssl;
    }

    private async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (true)
        {
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(pending.GetRange(0, newline).ToArray()).TrimEnd('\r');
                pending.RemoveRange(0, newline + 1);
                return line;
            }

            var read = await stream.ReadAsync(chunk, timeout.Token);
            if (read == 0)
            {
                return null;
            }

            pending.AddRange(chunk.AsSpan(0, read));
        }
    }

    // The server's certificate is self-signed: accept a chain error, nothing else (the name must still match).
    private static bool AcceptSelfSigned(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;

    [GeneratedRegex(@"\(\|\|\|(\d+)\|\)")]
    private static partial Regex EpsvPort();
}
