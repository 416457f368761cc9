using System.CommandLine;
using ShareKit.Host.Plugins;
using ShareKit.Host.Scaffold;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit new-plugin &lt;Name&gt; --kind …</c>: generates a buildable plugin, its tests and a README.</summary>
internal static class NewPluginCommand
{
    private static readonly Argument<string> Name = new("name")
    {
        Description = "The plugin's name: dotted C# identifiers, e.g. Acme.Transport.Carrier (it names the assembly, folder and namespace).",
    };

    private static readonly Option<string> Kind = new("--kind")
    {
        Description = "What the plugin adds: transport, discovery, storage, layer or service.",
        Required = true,
    };

    private static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Where to create it (must not exist). Default: plugins/<Name> inside a ShareKit checkout, else ./<Name>.",
    };

    private static readonly Option<string?> Sdk = new("--sdk")
    {
        Description = "Reference the SDK as a project (a ShareKit checkout) or a NuGet package. Default: project inside a checkout, else package.",
    };

    public static Command Create()
    {
        Kind.AcceptOnlyFromAmong("transport", "discovery", "storage", "layer", "service");
        Sdk.AcceptOnlyFromAmong("project", "package");
        var command = new Command("new-plugin", "Create a new plugin project of a kind, with a working component, tests wired to the conformance kit and a README.")
        {
            Name,
            Kind,
            Output,
            Sdk,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        try
        {
            if (!PluginName.TryParse(parse.GetValue(Name), out var name, out var error))
            {
                throw new ScaffoldRefusedException(error);
            }

            var kind = PluginScaffolder.ParseKind(parse.GetValue(Kind)!);
            SdkReferenceMode? sdk = parse.GetValue(Sdk) switch
            {
                "project" => SdkReferenceMode.Project,
                "package" => SdkReferenceMode.Package,
                _ => null,
            };
            var layout = ScaffoldLayout.Decide(name, parse.GetValue(Output), sdk, Environment.CurrentDirectory, AppContext.BaseDirectory);
            var model = new PluginModel(name, kind, layout);
            var written = PluginScaffolder.Generate(model);
            Describe(model, written);
            return ExitCodes.Ok;
        }
        catch (ScaffoldRefusedException e)
        {
            Console.Error.WriteLine($"sharekit: new-plugin: {e.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sharekit: new-plugin: could not write the files: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static void Describe(PluginModel model, IReadOnlyList<string> written)
    {
        var layout = model.Layout;
        var sdk = layout.Sdk == SdkReferenceMode.Project ? $"the SDK project of {layout.Checkout!.Root}" : "the ShareKit.Sdk package";
        Console.Out.WriteLine($"Created {model.Name}, a {model.KindWord} plugin ('{model.ComponentName}') referencing {sdk}:");
        foreach (var file in written)
        {
            Console.Out.WriteLine($"  {file}");
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine("Next:");
        if (layout.InRepository)
        {
            Console.Out.WriteLine($"  dotnet sln {Path.Combine(layout.Checkout!.Root, "ShareKit.sln")} add {model.PluginProjectPath} {model.TestsProjectPath}");
            Console.Out.WriteLine($"  dotnet test {model.TestsProjectPath}");
            Console.Out.WriteLine($"  add \"{model.Name}\": {{ \"enabled\": true }} under \"plugins\" in plugins.json, then: sharekit plugins");
        }
        else
        {
            Console.Out.WriteLine($"  dotnet test {model.TestsProjectPath}");
            Console.Out.WriteLine($"  sharekit plugins --config {Path.Combine(layout.Root, "plugins.json")} --plugins-dir {Path.Combine(layout.Root, "artifacts", "plugins")}");
        }

        Console.Out.WriteLine($"  (see {layout.ReadmePath})");
    }
}
