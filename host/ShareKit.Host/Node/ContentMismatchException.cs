using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Fetched content did not match the hash the peer sent; the staged copy was discarded.</summary>
public sealed class ContentMismatchException(string message) : ShareKitException(message);
