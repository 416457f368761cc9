namespace ShareKit.Host.Node;

/// <summary>Item indexes that several lanes take from without locking.</summary>
internal sealed class WorkQueue
{
    private readonly int[] indexes;
    private int next = -1;

    public WorkQueue(int[] indexes) => this.indexes = indexes;

    public int Count => indexes.Length;

    public bool TryTake(out int index)
    {
        var slot = Interlocked.Increment(ref next);
        index = slot < indexes.Length ? indexes[slot] : -1;
        return slot < indexes.Length;
    }
}
