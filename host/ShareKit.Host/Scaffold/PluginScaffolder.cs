using ShareKit.Host.Plugins;

namespace ShareKit.Host.Scaffold;

/// <summary>Generates a plugin project, its test project and a README from the embedded templates.</summary>
internal static class PluginScaffolder
{
    /// <summary>Renders every file, then writes them all; returns the files written.</summary>
    /// <exception cref="ScaffoldRefusedException">The name or folder is refused.</exception>
    public static IReadOnlyList<string> Generate(PluginModel model)
    {
        // Render everything before touching the disk, so a failure leaves nothing half-written.
        var files = new List<(string Path, string Text)>();
        foreach (var file in TemplateCatalog.For(model.Kind, model.Layout.InRepository))
        {
            files.Add((TargetPath(model, file), TemplateRenderer.Render(file.Template, model.Variables)));
        }

        files.Add((model.Layout.ReadmePath, TemplateRenderer.Render(TemplateCatalog.Readme, model.Variables)));
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }

        return [.. files.Select(f => f.Path)];
    }

    private static string TargetPath(PluginModel model, TemplateFile file)
    {
        var folder = file.Target switch
        {
            ScaffoldTarget.Plugin => model.Layout.PluginDirectory,
            ScaffoldTarget.Tests => model.Layout.TestsDirectory,
            _ => model.Layout.Root,
        };
        var relative = file.RelativePath
            .Replace("{Name}", model.Name.Value, StringComparison.Ordinal)
            .Replace("{Prefix}", model.Prefix, StringComparison.Ordinal);
        return Path.Combine(folder, relative);
    }

    /// <summary>Parses the kind word of <c>--kind</c>.</summary>
    public static ComponentKind ParseKind(string word) =>
        Enum.TryParse<ComponentKind>(word, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new ScaffoldRefusedException($"'{word}' is not a plugin kind; use transport, discovery, storage, layer or service.");
}
