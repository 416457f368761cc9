namespace ShareKit.Host.Node;

/// <summary>One record header read from a lane; a chunk's content is read separately.</summary>
internal readonly record struct DataRecord(DataRecordType Type, int Index, long Offset, int ChunkLength, string? Reason)
{
    /// <summary>The lane ended cleanly between records.</summary>
    public static DataRecord EndOfLane => default;

    public bool IsEndOfLane => Type == 0;
}
