using ShareKit.Sdk;

namespace ShareKit.Host.Plugins;

/// <summary>All component factories registered by the loaded plugins, by kind and name (case-insensitive).</summary>
internal sealed class ComponentRegistry
{
    private readonly Dictionary<(ComponentKind, string), Registration> registrations = new(KeyComparer.Instance);

    /// <summary>A factory and the plugin it came from.</summary>
    public sealed record Registration(ComponentKind Kind, string Name, string PluginName, Func<ComponentContext, object> Create);

    public IEnumerable<Registration> All => registrations.Values;

    public bool TryGet(ComponentKind kind, string name, out Registration registration) =>
        registrations.TryGetValue((kind, name), out registration!);

    /// <summary>Adds a plugin's registrations all at once, or none if one name is taken already.</summary>
    /// <exception cref="InvalidOperationException">A name is taken; the message names the plugin that has it.</exception>
    public void AddAll(IReadOnlyList<Registration> batch)
    {
        foreach (var item in batch)
        {
            if (registrations.TryGetValue((item.Kind, item.Name), out var existing))
            {
                throw new InvalidOperationException(
                    $"{Describe(item.Kind, item.Name)} is already provided by {existing.PluginName}.");
            }
        }

        foreach (var item in batch)
        {
            registrations[(item.Kind, item.Name)] = item;
        }
    }

    public static string Describe(ComponentKind kind, string name) => $"{kind.ToString().ToLowerInvariant()} '{name}'";

    private sealed class KeyComparer : IEqualityComparer<(ComponentKind Kind, string Name)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((ComponentKind Kind, string Name) x, (ComponentKind Kind, string Name) y) =>
            x.Kind == y.Kind && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((ComponentKind Kind, string Name) obj) =>
            HashCode.Combine(obj.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name));
    }
}
