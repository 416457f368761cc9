namespace ShareKit.Testing.Network;

/// <summary>One host of the lab: a network namespace with loopback up and one interface per LAN it is on.</summary>
public sealed class LabNode
{
    internal LabNode(NetworkLab lab, string name, string @namespace)
    {
        Lab = lab;
        Name = name;
        Namespace = @namespace;
    }

    public string Name { get; }

    /// <summary>The network namespace (for <c>ip netns exec</c>).</summary>
    public string Namespace { get; }

    /// <summary>Its interfaces: name inside the namespace and IPv4 address, in the order they were connected.</summary>
    public List<(string Interface, string Address, LabLan Lan)> Interfaces { get; } = [];

    internal NetworkLab Lab { get; }

    /// <summary>This node's address on <paramref name="lan"/>.</summary>
    public string AddressOn(LabLan lan) =>
        Interfaces.First(i => i.Lan == lan).Address;

    /// <summary>Starts a program inside this node's namespace (via <c>ip netns exec</c>); the lab kills it on dispose.</summary>
    public LabProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null) =>
        Lab.Start(this, fileName, arguments, environment);

    /// <summary>Runs a short command inside this node's namespace and returns its output.</summary>
    public string Run(string fileName, params string[] arguments) =>
        LabCommand.Run("ip", ["netns", "exec", Namespace, fileName, .. arguments]);
}
