namespace ShareKit.Node.Tests.Support;

/// <summary>What a <see cref="FaultyConnection"/> does to the bytes written through it.</summary>
internal interface IWriteFault
{
    /// <summary>The bytes to pass on (possibly changed); <paramref name="cut"/> breaks the connection after them.</summary>
    ReadOnlyMemory<byte> Pass(ReadOnlyMemory<byte> data, out bool cut);
}
