using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>
/// One control connection: reads command lines, runs them through the state machine (login state, pending REST,
/// pending RNFR, TLS) and writes replies. Transfers run beside the command loop so ABOR and STAT are heard.
/// </summary>
internal sealed partial class FtpSession : IAsyncDisposable
{
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 8192, minimumReadSize: 1024, leaveOpen: true);

    private readonly Socket socket;
    private readonly NetworkStream network;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly CancellationTokenSource lifetime;
    private Stream control;
    private SslStream? controlTls;
    private FtpLineReader lines;
    private DataChannel? dataChannel;
    private volatile FtpTransfer? transfer;
    private bool closing;
    private volatile bool controlLost;

    public FtpSession(Socket socket, FtpServerContext server, CancellationToken serviceToken)
    {
        this.socket = socket;
        Server = server;
        socket.NoDelay = true;

        // Python's ftplib sends "ABOR\r\n" as urgent data; inline keeps its last byte in the stream.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.OutOfBandInline, true);
        ClientAddress = FtpAddress.Normalize(((IPEndPoint)socket.RemoteEndPoint!).Address);
        LocalAddress = FtpAddress.Normalize(((IPEndPoint)socket.LocalEndPoint!).Address);
        network = new NetworkStream(socket, ownsSocket: false);
        control = network;
        lines = new FtpLineReader(PipeReader.Create(network, ReaderOptions));
        lifetime = CancellationTokenSource.CreateLinkedTokenSource(serviceToken);
    }

    public FtpServerContext Server { get; }

    public IPAddress ClientAddress { get; }

    public IPAddress LocalAddress { get; }

    public FtpSessionState State { get; set; } = FtpSessionState.AwaitingUser;

    /// <summary>The name given with USER, until PASS.</summary>
    public string? PendingUser { get; set; }

    /// <summary>Who is logged in (for logs).</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The logged-in user's tree; null before login.</summary>
    public FtpFileSystem? FileSystem { get; set; }

    /// <summary>The current folder, a normalized virtual path.</summary>
    public string Cwd { get; set; } = "/";

    /// <summary>The REST offset for the next RETR/STOR; 0 when none is pending.</summary>
    public long RestartOffset { get; set; }

    /// <summary>The source of a pending rename (RNFR done, RNTO expected).</summary>
    public ResolvedPath? RenameFrom { get; set; }

    public TransferType Type { get; set; } = TransferType.Ascii;

    public bool IsControlProtected => controlTls is not null;

    public bool ProtectionBufferSizeSet { get; set; }

    /// <summary>PROT P: data connections use TLS.</summary>
    public bool ProtectData { get; set; }

    /// <summary>EPSV ALL was sent: only EPSV may set up data connections.</summary>
    public bool EpsvAll { get; set; }

    public int FailedLogins { get; set; }

    /// <summary>The MLST facts the client asked for with OPTS MLST.</summary>
    public IReadOnlySet<string> MlstFacts { get; set; } = MlsxFormatter.AllFacts;

    public FtpTransfer? ActiveTransfer => transfer;

    /// <summary>True once the control connection is gone: an upload must not be published then.</summary>
    public bool ControlLost => controlLost || (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);

    public bool CanWrite(ResolvedPath path) => path.Mount is { Writable: true };

    public async Task RunAsync()
    {
        var ct = lifetime.Token;
        using var idle = new CancellationTokenSource();
        try
        {
            await ReplyAsync(220, "ShareKit FTP server ready.", ct).ConfigureAwait(false);
            while (!closing)
            {
                var line = await ReadCommandLineAsync(idle, ct).ConfigureAwait(false);
                if (line is null)
                {
                    break;
                }

                await HandleLineAsync(line.Value, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            FtpLog.SessionEnded(Server.Logger, ClientAddress, e.Message);
        }
        finally
        {
            controlLost = true;
            if (transfer is { } running)
            {
                running.Abort();
                await running.Completion.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ends the session after the current reply (QUIT, fatal errors).</summary>
    public void Close() => closing = true;

    public ValueTask ReplyAsync(int code, string text, CancellationToken ct) => WriteAsync(FormatLine(code, ' ', text), ct);

    /// <summary>A multi-line reply: <c>code-first</c>, the body lines indented by a space, then <c>code last</c>.</summary>
    public ValueTask ReplyMultilineAsync(int code, string first, IEnumerable<string> body, string last, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append(FormatLine(code, '-', first));
        foreach (var line in body)
        {
            text.Append(' ').Append(Printable(line)).Append("\r\n");
        }

        text.Append(FormatLine(code, ' ', last));
        return WriteAsync(text.ToString(), ct);
    }

    /// <summary>Switches the control connection to TLS (after the 234 reply to AUTH TLS).</summary>
    public async ValueTask UpgradeToTlsAsync(SslStreamCertificateContext certificate, CancellationToken ct)
    {
        await lines.Reader.CompleteAsync().ConfigureAwait(false);
        var tls = new SslStream(network, leaveInnerStreamOpen: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Server.Options.AcceptTimeout);
        try
        {
            await tls.AuthenticateAsServerAsync(FtpTls.ServerOptions(certificate, dataConnection: false), timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            Close();
            throw;
        }

        controlTls = tls;
        control = tls;
        lines = new FtpLineReader(PipeReader.Create(tls, ReaderOptions));
    }

    /// <summary>Back to the state before login (REIN), keeping TLS.</summary>
    public async ValueTask ResetAsync()
    {
        State = FtpSessionState.AwaitingUser;
        PendingUser = null;
        UserName = string.Empty;
        FileSystem = null;
        Cwd = "/";
        RestartOffset = 0;
        RenameFrom = null;
        Type = TransferType.Ascii;
        EpsvAll = false;
        MlstFacts = MlsxFormatter.AllFacts;
        await SetDataChannelAsync(null).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync().ConfigureAwait(false);
        await SetDataChannelAsync(null).ConfigureAwait(false);
        if (controlTls is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await controlTls.ShutdownAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
            }

            await controlTls.DisposeAsync().ConfigureAwait(false);
        }

        await lines.Reader.CompleteAsync().ConfigureAwait(false);
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        await network.DisposeAsync().ConfigureAwait(false);
        socket.Dispose();
        lifetime.Dispose();
        writeLock.Dispose();
    }

    private static string Printable(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? '?' : c)) : text;

    private static string FormatLine(int code, char separator, string text) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{code}{separator}{Printable(text)}\r\n");

    private async ValueTask<FtpLine?> ReadCommandLineAsync(CancellationTokenSource idle, CancellationToken ct)
    {
        FtpLine line;
        if (transfer is not null)
        {
            line = await lines.ReadLineAsync(ct).ConfigureAwait(false);
        }
        else
        {
            idle.TryReset();
            idle.CancelAfter(Server.Options.IdleTimeout);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, idle.Token);
            try
            {
                line = await lines.ReadLineAsync(both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                await ReplyAsync(421, $"Idle timeout ({Server.Options.IdleTimeout.TotalSeconds:0} s); closing the control connection.", ct)
                    .ConfigureAwait(false);
                return null;
            }
        }

        switch (line.Kind)
        {
            case FtpLineKind.EndOfStream:
                controlLost = true;
                return null;
            case FtpLineKind.Flood:
                await ReplyAsync(500, "No line end in 1 MiB of input; closing.", ct).ConfigureAwait(false);
                return null;
            default:
                return line;
        }
    }

    private async ValueTask HandleLineAsync(FtpLine line, CancellationToken ct)
    {
        if (line.Kind == FtpLineKind.TooLong)
        {
            await ReplyAsync(500, $"Line too long (the limit is {FtpLineReader.MaxLineBytes} bytes).", ct).ConfigureAwait(false);
            return;
        }

        if (!FtpCommandLine.TryParse(line.Text, out var commandLine))
        {
            if (line.Text.Length > 0)
            {
                await ReplyAsync(500, "Syntax error: that is not an FTP command.", ct).ConfigureAwait(false);
            }

            return;
        }

        var command = Server.Commands.Find(commandLine.Verb);
        if (command is null)
        {
            await ReplyAsync(502, $"{commandLine.Verb} is not implemented.", ct).ConfigureAwait(false);
            return;
        }

        if (transfer is { } running)
        {
            if (command is AborCommand || (command is StatCommand && commandLine.Argument.Length == 0))
            {
                await command.ExecuteAsync(this, commandLine.Argument, ct).ConfigureAwait(false);
                return;
            }

            // Other commands wait for the transfer, as RFC 959 expects of a server without command queues.
            await running.Completion.ConfigureAwait(false);
        }

        await DispatchAsync(command, commandLine, ct).ConfigureAwait(false);
    }

    private async ValueTask DispatchAsync(FtpCommand command, FtpCommandLine line, CancellationToken ct)
    {
        var flags = command.Flags;
        if (!flags.HasFlag(FtpCommandFlags.BeforeLogin) && State != FtpSessionState.LoggedIn)
        {
            await ReplyAsync(530, "Please log in with USER and PASS first.", ct).ConfigureAwait(false);
            return;
        }

        if (flags.HasFlag(FtpCommandFlags.NeedsArgument) && line.Argument.Length == 0)
        {
            await ReplyAsync(501, $"Syntax error: {line.Verb} needs an argument.", ct).ConfigureAwait(false);
            return;
        }

        if (!flags.HasFlag(FtpCommandFlags.KeepsRestart))
        {
            RestartOffset = 0;
        }

        if (!flags.HasFlag(FtpCommandFlags.KeepsRename))
        {
            RenameFrom = null;
        }

        try
        {
            await command.ExecuteAsync(this, line.Argument, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StorageException or StorePathException or NotSupportedException or UnauthorizedAccessException)
        {
            var reply = StorageReplies.For(e);
            await ReplyAsync(reply.Code, reply.Text, ct).ConfigureAwait(false);
        }
    }

    private async ValueTask WriteAsync(string text, CancellationToken ct)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            await writeLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await control.WriteAsync(buffer.AsMemory(0, written), ct).ConfigureAwait(false);
                await control.FlushAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                writeLock.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
