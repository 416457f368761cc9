namespace ShareKit.Sdk;

/// <summary>A named store with an access rule, as configured under <c>shares</c> in plugins.json.</summary>
public interface IShare
{
    /// <summary>The share's name, e.g. <c>library</c> or <c>inbox</c>.</summary>
    string Name { get; }

    /// <summary>Who may do what with the share.</summary>
    ShareAccess Access { get; }

    /// <summary>The store holding the share's files. Nothing outside it is reachable through the share.</summary>
    IFileStore Store { get; }
}

/// <summary>The access rule of a share.</summary>
public enum ShareAccess
{
    /// <summary>Only the node's own user and services configured with named users may touch it.</summary>
    Private,

    /// <summary>Anyone on the network may browse and download; nobody may write (the library).</summary>
    PublicRead,

    /// <summary>Peers may write only through offers the receiver accepted (the inbox); nobody may browse.</summary>
    Receive,
}
