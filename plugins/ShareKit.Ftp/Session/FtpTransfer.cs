namespace ShareKit.Ftp;

/// <summary>A transfer running on a data connection while the control connection keeps reading (for ABOR and STAT).</summary>
internal sealed class FtpTransfer : IDisposable
{
    private readonly CancellationTokenSource cancellation;
    private long bytes;

    public FtpTransfer(string description, CancellationToken sessionToken)
    {
        Description = description;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(sessionToken);
    }

    public string Description { get; }

    public CancellationToken Token => cancellation.Token;

    public bool Aborted { get; private set; }

    public long Bytes => Interlocked.Read(ref bytes);

    public Task Completion { get; set; } = Task.CompletedTask;

    public void AddBytes(int count) => Interlocked.Add(ref bytes, count);

    public void Abort()
    {
        Aborted = true;
        cancellation.Cancel();
    }

    public void Dispose() => cancellation.Dispose();
}
