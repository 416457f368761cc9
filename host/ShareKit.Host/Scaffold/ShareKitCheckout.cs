namespace ShareKit.Host.Scaffold;

/// <summary>A ShareKit source checkout: the folder holding <c>ShareKit.sln</c> and <c>sdk/ShareKit.Sdk</c>.</summary>
internal sealed record ShareKitCheckout(string Root)
{
    public string SdkProject => Path.Combine(Root, "sdk", "ShareKit.Sdk", "ShareKit.Sdk.csproj");

    public string ConformanceProject => Path.Combine(Root, "tests", "ShareKit.Conformance", "ShareKit.Conformance.csproj");

    public string PluginsFolder => Path.Combine(Root, "plugins");

    public string TestsFolder => Path.Combine(Root, "tests");

    /// <summary>The checkout that contains <paramref name="path"/> (a file or folder, existing or not), or null.</summary>
    public static ShareKitCheckout? Containing(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShareKit.sln")) &&
                File.Exists(Path.Combine(dir.FullName, "sdk", "ShareKit.Sdk", "ShareKit.Sdk.csproj")))
            {
                return new ShareKitCheckout(dir.FullName);
            }
        }

        return null;
    }

    public bool Contains(string path)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(path));
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
