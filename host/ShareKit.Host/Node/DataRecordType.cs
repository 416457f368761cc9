namespace ShareKit.Host.Node;

/// <summary>The first byte of each record on a data lane (a lane channel or a data connection).</summary>
internal enum DataRecordType : byte
{
    /// <summary>u32 item index, i64 offset: the item's bytes from offset follow.</summary>
    ItemBegin = 1,

    /// <summary>u32 length (1..1 MiB), then that many content bytes.</summary>
    Chunk = 2,

    /// <summary>32 bytes: the BLAKE3 hash of the item's whole content (from byte 0).</summary>
    ItemEnd = 3,

    /// <summary>u16 length, then a UTF-8 reason: the sender cannot finish the item.</summary>
    ItemAbort = 4,
}
