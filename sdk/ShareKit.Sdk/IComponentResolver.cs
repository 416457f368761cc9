namespace ShareKit.Sdk;

/// <summary>Lets a component reach the other components of its node, as configured in plugins.json.</summary>
public interface IComponentResolver
{
    /// <summary>All configured shares, in configuration order.</summary>
    IReadOnlyList<IShare> Shares { get; }

    /// <summary>The share named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ConfigurationException">No share has that name.</exception>
    IShare GetShare(string name);

    /// <summary>The transport for <paramref name="scheme"/>.</summary>
    /// <exception cref="ConfigurationException">No loaded plugin provides that scheme.</exception>
    ITransport GetTransport(string scheme);

    /// <summary>The connection layer named <paramref name="name"/>.</summary>
    /// <exception cref="ConfigurationException">No loaded plugin provides that layer.</exception>
    IConnectionLayer GetLayer(string name);

    /// <summary>
    /// The catalog of the <see cref="ShareAccess.PublicRead"/> share named <paramref name="shareName"/>, created on first
    /// use and kept up to date while the node runs.
    /// </summary>
    /// <remarks>Added in SDK 1.1. Resolvers written for 1.0 inherit this default, which has no catalogs.</remarks>
    /// <exception cref="ConfigurationException">No share has that name, or the share is not public-read.</exception>
    ILibraryCatalog GetCatalog(string shareName) =>
        throw new ConfigurationException("shares", $"this node has no library catalog for the share '{shareName}'.");
}
