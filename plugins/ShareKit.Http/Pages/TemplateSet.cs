using System.Reflection;
using Scriban;
using Scriban.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Http.Pages;

/// <summary>
/// The page templates (Scriban), parsed once at start: the built-in ones embedded in the plugin, each replaced by a
/// file of the same name in the configured templates folder when there is one. A page renders into <c>layout.html</c>
/// as its <c>content</c>.
/// </summary>
internal sealed class TemplateSet
{
    public static readonly string[] Names = ["layout", "browse", "search", "view", "error"];

    private readonly Dictionary<string, Template> templates;

    private TemplateSet(Dictionary<string, Template> templates) => this.templates = templates;

    /// <exception cref="ConfigurationException">A template does not parse; the message names the file and the error.</exception>
    public static TemplateSet Load(string? overrideDirectory, string settingsPath)
    {
        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            var file = overrideDirectory is null ? null : Path.Combine(overrideDirectory, name + ".html");
            var (text, source) = file is not null && File.Exists(file)
                ? (File.ReadAllText(file), file)
                : (ReadEmbedded(name), $"built-in {name}.html");
            var template = Template.Parse(text, source);
            if (template.HasErrors)
            {
                throw new ConfigurationException($"{settingsPath}:templates", $"{source} does not parse: {string.Join("; ", template.Messages)}");
            }

            parsed[name] = template;
        }

        return new TemplateSet(parsed);
    }

    /// <summary>Renders page <paramref name="name"/> with <paramref name="model"/>, inside the layout titled <paramref name="title"/>.</summary>
    public string Render(string name, string title, ScriptObject model, CancellationToken ct)
    {
        var content = RenderOne(templates[name], model, ct);
        var layout = new ScriptObject { ["title"] = title, ["content"] = content };
        foreach (var (key, value) in model)
        {
            if (!layout.ContainsKey(key))
            {
                layout[key] = value;
            }
        }

        return RenderOne(templates["layout"], layout, ct);
    }

    private static string RenderOne(Template template, ScriptObject model, CancellationToken ct)
    {
        var context = new TemplateContext
        {
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            LoopLimit = 100_000,
            RecursiveLimit = 20,
            CancellationToken = ct,
        };
        context.PushGlobal(model);
        return template.Render(context);
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ShareKit.Http.Templates.{name}.html")
            ?? throw new InvalidOperationException($"The built-in template {name}.html is missing from the plugin.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
