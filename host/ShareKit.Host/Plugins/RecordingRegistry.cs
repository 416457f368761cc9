using ShareKit.Sdk;

namespace ShareKit.Host.Plugins;

/// <summary>The <see cref="IPluginRegistry"/> handed to one plugin's <c>Register</c>: records, so a plugin that throws half-way adds nothing.</summary>
internal sealed class RecordingRegistry(string pluginName) : IPluginRegistry
{
    private readonly List<ComponentRegistry.Registration> recorded = [];

    public IReadOnlyList<ComponentRegistry.Registration> Recorded => recorded;

    public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => Add(ComponentKind.Transport, scheme, create);

    public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) => Add(ComponentKind.Layer, name, create);

    public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) => Add(ComponentKind.Discovery, name, create);

    public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => Add(ComponentKind.Storage, kind, create);

    public void AddService(string name, Func<ComponentContext, IShareService> create) => Add(ComponentKind.Service, name, create);

    private void Add(ComponentKind kind, string name, Func<ComponentContext, object> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (recorded.Any(r => r.Kind == kind && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"{ComponentRegistry.Describe(kind, name)} was registered twice.");
        }

        recorded.Add(new ComponentRegistry.Registration(kind, name, pluginName, create));
    }
}
