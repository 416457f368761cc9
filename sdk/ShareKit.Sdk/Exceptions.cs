namespace ShareKit.Sdk;

/// <summary>The base of ShareKit's errors. Its message is meant for the person using ShareKit.</summary>
public class ShareKitException : Exception
{
    /// <summary>Makes an error with a message a person can act on.</summary>
    public ShareKitException(string message)
        : base(message)
    {
    }

    /// <summary>Makes an error with a message and its cause.</summary>
    public ShareKitException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>An invalid setting; <see cref="Path"/> names it as a JSON path (e.g. <c>shares:inbox:access</c>).</summary>
public class ConfigurationException : ShareKitException
{
    /// <summary>Makes a configuration error about the setting at <paramref name="path"/>.</summary>
    public ConfigurationException(string path, string message)
        : base($"{path}: {message}") => Path = path;

    /// <summary>The configuration path of the bad value.</summary>
    public string Path { get; }
}

/// <summary>The peer broke the ShareKit protocol (a malformed frame, an unexpected message); the session ends.</summary>
public class ProtocolException : ShareKitException
{
    /// <summary>Makes a protocol error.</summary>
    public ProtocolException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A peer's identity could not be trusted (e.g. its pinned key changed, or a pairing code did not match).</summary>
public class TrustException : ShareKitException
{
    /// <summary>Makes a trust error.</summary>
    public TrustException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A storage failure.</summary>
public class StorageException : ShareKitException
{
    /// <summary>Makes a storage error.</summary>
    public StorageException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>The store ran out of space. Nothing committed was lost.</summary>
public class StorageFullException : StorageException
{
    /// <summary>Makes a storage-full error.</summary>
    public StorageFullException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>Nothing exists at the path.</summary>
public class StoreNotFoundException : StorageException
{
    /// <summary>Makes a not-found error for <paramref name="path"/>.</summary>
    public StoreNotFoundException(StorePath path, string? message = null)
        : base(message ?? $"{path.ToDisplayString()} does not exist.") => Path = path;

    /// <summary>The path that was not found.</summary>
    public StorePath Path { get; }
}

/// <summary>The operation clashes with the store's state: the target exists, a folder is not empty, or another writer holds the path.</summary>
public class StoreConflictException : StorageException
{
    /// <summary>Makes a conflict error for <paramref name="path"/>.</summary>
    public StoreConflictException(StorePath path, string message)
        : base(message) => Path = path;

    /// <summary>The path in conflict.</summary>
    public StorePath Path { get; }
}

/// <summary>A path was refused by the <see cref="StorePath"/> rules.</summary>
public class StorePathException : ShareKitException
{
    /// <summary>Makes a refused-path error.</summary>
    public StorePathException(string path, string reason)
        : base($"The path '{Printable(path)}' is not allowed: {reason}.")
    {
        RefusedPath = path;
        Reason = reason;
    }

    /// <summary>The path as given.</summary>
    public string RefusedPath { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }

    private static string Printable(string path)
    {
        var shown = path.Length > 80 ? path[..80] + "…" : path;
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }
}

/// <summary>A connection could not be made or broke.</summary>
public class TransportException : ShareKitException
{
    /// <summary>Makes a transport error.</summary>
    public TransportException(TransportFailure reason, string message, Exception? inner = null)
        : base(message, inner) => Reason = reason;

    /// <summary>What went wrong, for code that reacts differently to each.</summary>
    public TransportFailure Reason { get; }
}

/// <summary>The kinds of <see cref="TransportException"/>.</summary>
public enum TransportFailure
{
    /// <summary>Something else went wrong.</summary>
    Other,

    /// <summary>Nothing listens at the address.</summary>
    Refused,

    /// <summary>No route to the host or network.</summary>
    Unreachable,

    /// <summary>The peer did not answer in time.</summary>
    TimedOut,

    /// <summary>The address is in use by another listener.</summary>
    AddressInUse,

    /// <summary>The host name could not be resolved.</summary>
    UnknownHost,

    /// <summary>The connection broke (reset by the peer, aborted).</summary>
    ConnectionLost,
}
