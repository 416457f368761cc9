using System.Buffers;
using System.IO.Pipelines;

namespace ShareKit.Transport.Tcp;

/// <summary>
/// Pipe sizes for bulk transfer: large pooled segments (fewer syscalls) and a window well above the
/// 64 KiB default so one reader stall does not stop the socket. Socket-side continuations run inline,
/// application-side ones on the thread pool (as Kestrel does), so application code never runs in a pump.
/// </summary>
internal static class PipeTuning
{
    public const int SegmentSize = 64 * 1024;
    public const int MinimumReceiveSize = 16 * 1024;
    private const long PauseThreshold = 1024 * 1024;
    private const long ResumeThreshold = PauseThreshold / 2;

    public static PipeOptions Input { get; } = new(
        pool: MemoryPool<byte>.Shared,
        readerScheduler: PipeScheduler.ThreadPool,
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
