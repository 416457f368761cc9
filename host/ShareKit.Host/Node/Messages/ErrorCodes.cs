namespace ShareKit.Host.Node.Messages;

/// <summary>The values of <see cref="Error.Code"/>.</summary>
public static class ErrorCodes
{
    /// <summary>The peers' major protocol versions differ.</summary>
    public const string VersionMismatch = "version-mismatch";

    /// <summary>A malformed, oversized, unknown or unexpected message.</summary>
    public const string Protocol = "protocol";

    /// <summary>The offer broke the rules (hostile paths, duplicates, limits).</summary>
    public const string BadOffer = "bad-offer";

    /// <summary>The receiver has no room left.</summary>
    public const string StorageFull = "storage-full";

    /// <summary>A library request names no file or folder of the library.</summary>
    public const string NotFound = "not-found";

    /// <summary>A library request breaks the rules (hostile path, unknown kind, page limits).</summary>
    public const string BadRequest = "bad-request";

    /// <summary>The node has no library to serve (no public-read share), or not the one asked for.</summary>
    public const string NoLibrary = "no-library";

    /// <summary>Anything else on the sending side of the error.</summary>
    public const string Internal = "internal";
}
