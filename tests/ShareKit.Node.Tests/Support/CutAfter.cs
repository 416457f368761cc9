namespace ShareKit.Node.Tests.Support;

/// <summary>Passes <c>limit</c> bytes, then breaks the connection (a peer vanishing mid-transfer).</summary>
internal sealed class CutAfter(long limit) : IWriteFault
{
    private long passed;

    public ReadOnlyMemory<byte> Pass(ReadOnlyMemory<byte> data, out bool cut)
    {
        var allowed = (int)Math.Max(0, Math.Min(data.Length, limit - passed));
        passed += allowed;
        cut = allowed < data.Length;
        return data[..allowed];
    }
}
