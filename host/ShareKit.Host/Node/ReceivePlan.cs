using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>What the receiver decided for one offered item.</summary>
internal sealed class ReceivePlan
{
    public const int Pending = 0;
    public const int Receiving = 1;
    public const int Finished = 2;

    private int state;

    public ReceivePlan(StorePath? target, string? refusal)
    {
        Target = target;
        Refusal = refusal;
        state = target is null ? Finished : Pending;
    }

    /// <summary>Where the item goes; null when refused.</summary>
    public StorePath? Target { get; }

    public string? Refusal { get; }

    public long ResumeOffset { get; set; }

    /// <summary>Claims the item for one lane; false if it is refused, already arriving, or done.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref state, Receiving, Pending) == Pending;

    public void Finish() => Volatile.Write(ref state, Finished);
}
