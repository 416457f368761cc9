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

    /// <summary>Anything else on the sending side of the error.</summary>
    public const string Internal = "internal";
}
