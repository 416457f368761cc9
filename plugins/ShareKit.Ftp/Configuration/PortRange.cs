namespace ShareKit.Ftp;

/// <summary>An inclusive range of TCP ports for passive data connections.</summary>
/// <param name="First">Lowest port.</param>
/// <param name="Last">Highest port.</param>
public readonly record struct PortRange(int First, int Last)
{
    /// <summary>How many ports the range holds.</summary>
    public int Count => Last - First + 1;
}
