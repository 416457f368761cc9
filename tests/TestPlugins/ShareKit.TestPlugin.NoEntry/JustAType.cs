namespace ShareKit.TestPlugin.NoEntry;

/// <summary>An assembly with types but no IShareKitPlugin.</summary>
public sealed class JustAType
{
    public int Value { get; set; }
}
