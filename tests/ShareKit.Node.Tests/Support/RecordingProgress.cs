using System.Collections.Concurrent;
using ShareKit.Host.Node;

namespace ShareKit.Node.Tests.Support;

/// <summary>Keeps every progress event (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class RecordingProgress : IProgress<TransferProgress>
{
    public ConcurrentQueue<TransferProgress> Events { get; } = new();

    public void Report(TransferProgress value) => Events.Enqueue(value);
}
