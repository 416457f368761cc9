using ShareKit.Host.Plugins;
using ShareKit.Sdk;

namespace ShareKit.Host.Scaffold;

/// <summary>The names and paths a plugin's templates are rendered with.</summary>
internal sealed record PluginModel(PluginName Name, ComponentKind Kind, ScaffoldLayout Layout)
{
    private static readonly string[] KindSuffixes = ["Transport", "Discovery", "Storage", "Store", "Layer", "Service"];

    /// <summary>The class-name prefix: the last segment without a kind word at its end (<c>UnixSocket</c> for <c>…Transport.UnixSocket</c>, <c>Carrier</c> for <c>CarrierTransport</c>).</summary>
    public string Prefix
    {
        get
        {
            var last = Name.LastSegment;
            var suffix = KindSuffixes.FirstOrDefault(s => last.Length > s.Length && last.EndsWith(s, StringComparison.Ordinal));
            return suffix is null ? last : last[..^suffix.Length];
        }
    }

    /// <summary>The name the component registers under: the transport scheme, the layer, discovery, storage kind or service name.</summary>
    public string ComponentName
    {
        get
        {
            var word = new string([.. Prefix.ToLowerInvariant().Select(c => c == '_' ? '-' : c)]).Trim('-');
            return word.Length > 0 && char.IsAsciiLetter(word[0]) ? word : "my-" + Kind.ToString().ToLowerInvariant();
        }
    }

    public string KindWord => Kind.ToString().ToLowerInvariant();

    public string PluginProjectPath => Path.Combine(Layout.PluginDirectory, Name.Value + ".csproj");

    public string TestsProjectPath => Path.Combine(Layout.TestsDirectory, Name.Value + ".Tests.csproj");

    /// <summary>The variables every template sees (snake_case, Scriban's convention).</summary>
    public IReadOnlyDictionary<string, object?> Variables => new Dictionary<string, object?>
    {
        ["name"] = Name.Value,
        ["namespace"] = Name.Value,
        ["prefix"] = Prefix,
        ["component"] = ComponentName,
        ["kind"] = KindWord,
        ["in_repo"] = Layout.InRepository,
        ["sdk_package"] = Layout.Sdk == SdkReferenceMode.Package,
        ["sdk_version"] = SdkInfo.Version.ToString(3),
        ["sdk_major"] = SdkInfo.Version.Major,
        ["sdk_project"] = Layout.Checkout is null ? string.Empty : RelativeTo(Layout.PluginDirectory, Layout.Checkout.SdkProject),
        ["conformance_project"] = Layout.Checkout is null ? string.Empty : RelativeTo(Layout.TestsDirectory, Layout.Checkout.ConformanceProject),
        ["plugin_project"] = RelativeTo(Layout.TestsDirectory, PluginProjectPath),
        ["checkout"] = Layout.Checkout?.Root ?? string.Empty,
        ["extensions_version"] = ScaffoldVersions.Extensions,
        ["test_sdk_version"] = ScaffoldVersions.TestSdk,
        ["xunit_version"] = ScaffoldVersions.Xunit,
        ["xunit_runner_version"] = ScaffoldVersions.XunitRunner,
    };

    /// <summary>A path as a project file writes it: relative inside a checkout (the checkout can move), absolute otherwise.</summary>
    private string RelativeTo(string fromDirectory, string path) =>
        Layout.InRepository ? Path.GetRelativePath(fromDirectory, path) : path;
}
