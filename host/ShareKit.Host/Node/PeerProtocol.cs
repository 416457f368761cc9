using ShareKit.Host.Node.Messages;

namespace ShareKit.Host.Node;

/// <summary>The constants of the ShareKit peer protocol (docs/protocol.md).</summary>
public static class PeerProtocol
{
    /// <summary>This implementation's protocol version.</summary>
    public static ProtocolVersion Version { get; } = new(1, 0);

    /// <summary>Capability: the peer takes (receiver) or opens (sender) data connections for big items.</summary>
    public const string DataConnectionsCapability = "data-connections";

    /// <summary>The 8 bytes every connection starts with, followed by one <see cref="ConnectionKind"/> byte.</summary>
    public static ReadOnlySpan<byte> Magic => "SHAREKIT"u8;

    /// <summary>Largest control frame payload.</summary>
    public const int MaxFrameBytes = 4 << 20;

    /// <summary>Largest data chunk payload.</summary>
    public const int MaxChunkBytes = 1 << 20;

    /// <summary>Files smaller than this are always sent whole: probing the store for a staged part costs more than resending.</summary>
    public const long MinResumableSize = 1 << 20;

    /// <summary>Most items in one transfer.</summary>
    public const int MaxItems = 100_000;

    /// <summary>Most items in one Offer message.</summary>
    public const int MaxItemsPerOfferPart = 1_000;

    /// <summary>Longest reason text in an ItemAbort record (UTF-8 bytes).</summary>
    public const int MaxAbortReasonBytes = 1024;

    /// <summary>The control channel's name in the multiplexing stream.</summary>
    public const string ControlChannelName = "control";

    /// <summary>The name of every data lane channel in the multiplexing stream.</summary>
    public const string LaneChannelName = "lane";

    /// <summary>Most entries in one library Listing page.</summary>
    public const int MaxLibraryPage = 1_000;

    /// <summary>Capability: the node serves a library on library connections.</summary>
    public const string LibraryCapability = "library";

    /// <summary>Length of the content hash (BLAKE3-256).</summary>
    public const int HashBytes = 32;
}
