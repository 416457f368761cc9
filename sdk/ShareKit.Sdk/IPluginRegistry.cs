namespace ShareKit.Sdk;

/// <summary>
/// Collects component factories from plugins. Each factory is called by the host when the configuration
/// needs that component, with a <see cref="ComponentContext"/> carrying the component's settings.
/// Names are case-insensitive; registering a name twice (in one plugin or across plugins) is an error
/// reported against the second plugin.
/// </summary>
public interface IPluginRegistry
{
    /// <summary>Adds a transport for endpoints of <paramref name="scheme"/> (e.g. <c>tcp</c>).</summary>
    void AddTransport(string scheme, Func<ComponentContext, ITransport> create);

    /// <summary>Adds a connection layer (e.g. <c>encrypted</c>) that can be stacked on connections.</summary>
    void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create);

    /// <summary>Adds a discovery mechanism (e.g. <c>udp-broadcast</c>, <c>mdns</c>).</summary>
    void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create);

    /// <summary>Adds a storage kind (e.g. <c>local</c>); the factory is called once per share using it.</summary>
    void AddStorage(string kind, Func<ComponentContext, IFileStore> create);

    /// <summary>Adds a service (e.g. <c>ftp</c>, <c>http-library</c>) that serves shares.</summary>
    void AddService(string name, Func<ComponentContext, IShareService> create);
}
