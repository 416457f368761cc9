namespace ShareKit.Testing.Network;

/// <summary>One throw-away LAN: a bridge in the lab's switch namespace, subnet <c>198.18.{Number}.0/24</c>.</summary>
public sealed class LabLan
{
    internal LabLan(int number, string bridge)
    {
        Number = number;
        Bridge = bridge;
    }

    /// <summary>The LAN's number, the third octet of its addresses.</summary>
    public int Number { get; }

    /// <summary>The bridge's name inside the switch namespace.</summary>
    public string Bridge { get; }

    /// <summary>The subnet's directed broadcast address.</summary>
    public string Broadcast => $"198.18.{Number}.255";

    internal int NextHost { get; set; } = 1;

    internal int NextPort { get; set; }
}
