using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>What sniffing found: a kind (or null) and whether the format is a container other kinds use too.</summary>
internal readonly record struct SniffResult(MediaKind? Kind, Container Container)
{
    public static SniffResult Unknown => new(null, Container.None);
}
