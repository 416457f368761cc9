namespace ShareKit.Host.Plugins;

/// <summary>The kinds of component a plugin can register.</summary>
internal enum ComponentKind
{
    Transport,
    Layer,
    Discovery,
    Storage,
    Service,
}
