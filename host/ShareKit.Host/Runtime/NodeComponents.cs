using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Configuration;
using ShareKit.Host.Plugins;
using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>
/// Composes a node's components from its settings and the registered plugin factories: one store per share,
/// transports and layers on demand, services and discovery mechanisms. It is also the
/// <see cref="IComponentResolver"/> components use to find each other.
/// </summary>
internal sealed class NodeComponents : IComponentResolver
{
    private readonly HostSettings settings;
    private readonly ComponentRegistry registry;
    private readonly IReadOnlyList<PluginStatus> pluginStatuses;
    private readonly Dictionary<string, ITransport> transports = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IConnectionLayer> layers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Share> shares = [];

    public NodeComponents(
        HostSettings settings,
        ComponentRegistry registry,
        IReadOnlyList<PluginStatus> pluginStatuses,
        NodeIdentity node,
        ILoggerFactory loggerFactory)
    {
        this.settings = settings;
        this.registry = registry;
        this.pluginStatuses = pluginStatuses;
        Node = node;
        LoggerFactory = loggerFactory;
    }

    public NodeIdentity Node { get; }

    public ILoggerFactory LoggerFactory { get; }

    public HostSettings Settings => settings;

    public IReadOnlyList<IShare> Shares => shares;

    /// <summary>Checks that every component the configuration names has a loaded plugin behind it.</summary>
    /// <exception cref="MissingComponentException">One does not; the message says which share/service needs what.</exception>
    public void RequireAllConfigured()
    {
        foreach (var share in settings.Shares)
        {
            Require(ComponentKind.Storage, share.Storage, $"The share '{share.Name}'");
        }

        foreach (var service in settings.Services.Where(s => s.Enabled))
        {
            Require(ComponentKind.Service, service.Name, $"The service '{service.Name}'");
        }

        foreach (var discovery in settings.Discovery.Where(d => d.Enabled))
        {
            Require(ComponentKind.Discovery, discovery.Name, $"The discovery '{discovery.Name}'");
        }

        foreach (var endpoint in settings.Endpoint.Listen)
        {
            Require(ComponentKind.Transport, endpoint.Scheme, $"The peer endpoint {endpoint}");
        }

        foreach (var layer in settings.Endpoint.Layers)
        {
            Require(ComponentKind.Layer, layer, "The peer endpoint");
        }
    }

    /// <summary>Creates the store of every share (creating share folders on first run).</summary>
    public void CreateShares()
    {
        foreach (var share in settings.Shares)
        {
            var store = Create<IFileStore>(ComponentKind.Storage, share.Storage, share.Name, share.Settings, share.SettingsPath);
            shares.Add(new Share(share.Name, share.Access, store, share));
        }
    }

    public IShare GetShare(string name) =>
        shares.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ConfigurationException("shares", $"there is no share named '{name}' (configured: {string.Join(", ", shares.Select(s => s.Name))}).");

    public ITransport GetTransport(string scheme)
    {
        lock (transports)
        {
            if (!transports.TryGetValue(scheme, out var transport))
            {
                transport = CreatePluginComponent<ITransport>(ComponentKind.Transport, scheme);
                transports[scheme] = transport;
            }

            return transport;
        }
    }

    public IConnectionLayer GetLayer(string name)
    {
        lock (layers)
        {
            if (!layers.TryGetValue(name, out var layer))
            {
                layer = CreatePluginComponent<IConnectionLayer>(ComponentKind.Layer, name);
                layers[name] = layer;
            }

            return layer;
        }
    }

    /// <summary>A store that is not a configured share (e.g. <c>sharekit receive -o DIR</c>), made by the <paramref name="kind"/> factory.</summary>
    public IFileStore CreateStore(string kind, string name, IReadOnlyDictionary<string, string?> storeSettings)
    {
        const string Prefix = "adhoc";
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(storeSettings.Select(kv => new KeyValuePair<string, string?>($"{Prefix}:{kv.Key}", kv.Value)))
            .Build()
            .GetSection(Prefix);
        return Create<IFileStore>(ComponentKind.Storage, kind, name, section, $"--output ({kind} store)");
    }

    public IShareService CreateService(ComponentSettings service) =>
        Create<IShareService>(ComponentKind.Service, service.Name, service.Name, service.Settings, service.SettingsPath);

    public IDiscovery CreateDiscovery(ComponentSettings discovery) =>
        Create<IDiscovery>(ComponentKind.Discovery, discovery.Name, discovery.Name, discovery.Settings, discovery.SettingsPath);

    private T CreatePluginComponent<T>(ComponentKind kind, string name)
    {
        var registration = Require(kind, name, $"The {kind.ToString().ToLowerInvariant()} '{name}'");
        var plugin = settings.Plugins.First(p => string.Equals(p.Name, registration.PluginName, StringComparison.OrdinalIgnoreCase));
        return Create<T>(kind, name, name, plugin.Settings, plugin.SettingsPath);
    }

    private T Create<T>(ComponentKind kind, string registeredName, string componentName, IConfigurationSection section, string sectionPath)
    {
        var registration = Require(kind, registeredName, $"'{componentName}'");
        var context = new ComponentContext
        {
            ComponentName = componentName,
            Settings = section,
            SettingsPath = sectionPath,
            LoggerFactory = LoggerFactory,
            Node = Node,
            DataDirectory = settings.Node.DataDirectory,
            Components = this,
        };
        try
        {
            return (T)registration.Create(context);
        }
        catch (ShareKitException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new ShareKitException(
                $"{registration.PluginName} could not create {ComponentRegistry.Describe(kind, registeredName)} for '{componentName}': {e.Message}", e);
        }
    }

    private ComponentRegistry.Registration Require(ComponentKind kind, string name, string who)
    {
        if (registry.TryGet(kind, name, out var registration))
        {
            return registration;
        }

        var notLoaded = pluginStatuses.Where(p => p.State != PluginState.Loaded)
            .Select(p => $"{p.Name}: {p.State.ToString().ToLowerInvariant()}{(p.Reason is null ? string.Empty : " — " + p.Reason)}")
            .ToList();
        var hint = notLoaded.Count == 0
            ? "no configured plugin provides it"
            : $"no loaded plugin provides it (not loaded: {string.Join("; ", notLoaded)})";
        throw new MissingComponentException($"{who} needs the {ComponentRegistry.Describe(kind, name)}, but {hint}.");
    }
}
