namespace ShareKit.Sdk;

/// <summary>Who the running node is, as other nodes see it.</summary>
/// <param name="Id">A random identifier created on first run and kept in the data directory.</param>
/// <param name="Name">The display name people see (default: the machine's host name).</param>
public sealed record NodeIdentity(NodeId Id, string Name);
