namespace ShareKit.Host.Scaffold;

/// <summary>Which generated project a file belongs to.</summary>
internal enum ScaffoldTarget
{
    /// <summary>The plugin project folder.</summary>
    Plugin,

    /// <summary>The test project folder.</summary>
    Tests,

    /// <summary>The stand-alone root folder (only outside a checkout).</summary>
    Root,
}
