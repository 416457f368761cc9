namespace ShareKit.Host.Node;

/// <summary>The byte after the magic that says what a connection carries.</summary>
public enum ConnectionKind : byte
{
    /// <summary>A session: a multiplexing stream with the control channel and lanes.</summary>
    Session = 1,

    /// <summary>A data connection: a DataConnect frame, then data records of one transfer.</summary>
    Data = 2,

    /// <summary>A library connection: hellos, then browse/search/fetch requests, each answered in turn.</summary>
    Library = 3,
}
