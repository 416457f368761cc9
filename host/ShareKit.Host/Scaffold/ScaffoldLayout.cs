namespace ShareKit.Host.Scaffold;

/// <summary>
/// Where a new plugin's files go and how it references the SDK. Inside a ShareKit checkout the repository's
/// layout is used (<c>plugins/&lt;Name&gt;</c>, <c>tests/&lt;Name&gt;.Tests</c>, the SDK as a project); outside, one
/// self-contained folder with the plugin, its tests, a README and a plugins.json to try it with.
/// </summary>
internal sealed record ScaffoldLayout(
    bool InRepository,
    SdkReferenceMode Sdk,
    ShareKitCheckout? Checkout,
    string Root,
    string PluginDirectory,
    string TestsDirectory,
    string ReadmePath)
{
    /// <summary>Decides the layout, refusing combinations that could not build.</summary>
    /// <param name="name">The plugin's name.</param>
    /// <param name="output">The <c>-o</c> folder, or null for the default.</param>
    /// <param name="requested">The <c>--sdk</c> choice, or null for the default.</param>
    /// <param name="currentDirectory">Where relative paths start.</param>
    /// <param name="programDirectory">Where the running sharekit is (a checkout's build output, normally).</param>
    /// <exception cref="ScaffoldRefusedException">The combination cannot work; the message says what to do.</exception>
    public static ScaffoldLayout Decide(PluginName name, string? output, SdkReferenceMode? requested, string currentDirectory, string programDirectory)
    {
        var here = ShareKitCheckout.Containing(currentDirectory);
        var root = output is { Length: > 0 }
            ? Path.GetFullPath(output, currentDirectory)
            : here is not null ? Path.Combine(here.PluginsFolder, name.Value) : Path.Combine(currentDirectory, name.Value);
        root = Path.TrimEndingDirectorySeparator(root);

        var checkout = ShareKitCheckout.Containing(root);
        return checkout is not null
            ? InCheckout(name, root, requested, checkout)
            : StandAlone(name, root, requested ?? SdkReferenceMode.Package, here ?? ShareKitCheckout.Containing(programDirectory));
    }

    private static ScaffoldLayout InCheckout(PluginName name, string root, SdkReferenceMode? requested, ShareKitCheckout checkout)
    {
        if (requested == SdkReferenceMode.Package)
        {
            throw new ScaffoldRefusedException(
                $"{root} is inside the ShareKit checkout {checkout.Root}, where plugins reference the SDK project " +
                "(plugins/Directory.Build.props adds it); use --sdk project, or -o a folder outside the checkout for --sdk package.");
        }

        var expected = Path.Combine(checkout.PluginsFolder, name.Value);
        if (!string.Equals(root, expected, StringComparison.Ordinal))
        {
            throw new ScaffoldRefusedException(
                $"{root} is inside the ShareKit checkout {checkout.Root}, where a plugin lives in plugins/{name} and its tests in " +
                $"tests/{name}.Tests; leave out -o (or give -o {expected}), or choose a folder outside the checkout.");
        }

        var tests = Path.Combine(checkout.TestsFolder, name.Value + ".Tests");
        RefuseExisting(root);
        RefuseExisting(tests);
        return new ScaffoldLayout(true, SdkReferenceMode.Project, checkout, root, root, tests, Path.Combine(root, "README.md"));
    }

    private static ScaffoldLayout StandAlone(PluginName name, string root, SdkReferenceMode sdk, ShareKitCheckout? checkout)
    {
        RefuseExisting(root);
        if (sdk == SdkReferenceMode.Project && checkout is null)
        {
            throw new ScaffoldRefusedException(
                "--sdk project needs a ShareKit checkout to reference sdk/ShareKit.Sdk, and none contains the current folder or " +
                "this sharekit program; run it from a checkout, or use --sdk package.");
        }

        return new ScaffoldLayout(
            false,
            sdk,
            sdk == SdkReferenceMode.Project ? checkout : null,
            root,
            Path.Combine(root, name.Value),
            Path.Combine(root, name.Value + ".Tests"),
            Path.Combine(root, "README.md"));
    }

    private static void RefuseExisting(string folder)
    {
        if (Directory.Exists(folder) || File.Exists(folder))
        {
            throw new ScaffoldRefusedException(
                $"{folder} already exists; new-plugin only writes into new folders so that nothing is overwritten. " +
                "Choose another name or -o folder, or remove it.");
        }
    }
}
