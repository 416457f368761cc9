namespace ShareKit.Host.Scaffold;

/// <summary>
/// Package versions written into stand-alone projects (outside a checkout there is no Directory.Packages.props).
/// Keep them in step with the repository's Directory.Packages.props.
/// </summary>
internal static class ScaffoldVersions
{
    public const string Extensions = "10.0.0";
    public const string TestSdk = "18.0.1";
    public const string Xunit = "2.9.3";
    public const string XunitRunner = "3.1.5";
}
