namespace ShareKit.Testing;

/// <summary>Where the repository and the built host are, found from the test assembly's location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The folder of the built <c>sharekit</c> host, with its <c>plugins/</c> folder.</summary>
    public static string HostOutput => Path.Combine(Root, "host", "ShareKit.Host", "bin", Configuration, "net10.0");

    /// <summary>The built host assembly; run it with <c>dotnet sharekit.dll</c>.</summary>
    public static string HostDll => Path.Combine(HostOutput, "sharekit.dll");

    /// <summary>The built plugins folder beside the host.</summary>
    public static string PluginsDirectory => Path.Combine(HostOutput, "plugins");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShareKit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ShareKit.sln not found above " + AppContext.BaseDirectory);
    }
}
