using System.Buffers;
using System.IO.Pipelines;

namespace ShareKit.Transport.Tcp;

/// <summary>
/// Pipe sizes for bulk transfer: large pooled segments (fewer syscalls) and a window well above the 64 KiB
/// default so one reader stall does not stop the socket.
/// </summary>
/// <remarks>
/// The application's reads resume inline on the receive loop: socket completions already arrive on thread-pool
/// threads (not on the epoll thread), so this blocks no shared I/O thread, and it saves a thread-pool hop per
/// received chunk (measured: less CPU per GiB, see the transport report). The application's writes resume on the
/// thread pool instead: that happens once per half window, and it keeps application code out of the send loop.
/// </remarks>
internal static class PipeTuning
{
    public const int SegmentSize = 64 * 1024;
    public const int MinimumReceiveSize = 16 * 1024;
    private const long PauseThreshold = 1024 * 1024;
    private const long ResumeThreshold = PauseThreshold / 2;

    public static PipeOptions Input { get; } = new(
        pool: MemoryPool<byte>.Shared,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: PauseThreshold,
        resumeWriterThreshold: ResumeThreshold,
        minimumSegmentSize: SegmentSize,
        useSynchronizationContext: false);

    public static PipeOptions Output { get; } = new(
        pool: MemoryPool<byte>.Shared,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.ThreadPool,
        pauseWriterThreshold: PauseThreshold,
        resumeWriterThreshold: ResumeThreshold,
        minimumSegmentSize: SegmentSize,
        useSynchronizationContext: false);
}
