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
}
