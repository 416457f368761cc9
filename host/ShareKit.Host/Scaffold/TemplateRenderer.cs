using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace ShareKit.Host.Scaffold;

/// <summary>Renders the Scriban templates embedded in the host (<c>Scaffold/Templates/*.scriban</c>).</summary>
internal static class TemplateRenderer
{
    private const string ResourcePrefix = "ShareKit.Host.Scaffold.Templates.";

    /// <summary>Renders template <paramref name="name"/> (without <c>.scriban</c>) with the given variables.</summary>
    /// <exception cref="InvalidOperationException">The template is missing or broken (a bug in the host, not the user's doing).</exception>
    public static string Render(string name, IReadOnlyDictionary<string, object?> variables)
    {
        var template = Template.Parse(Load(name), name + ".scriban");
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"The template {name} is broken: {string.Join("; ", template.Messages)}");
        }

        var globals = new ScriptObject();
        foreach (var (key, value) in variables)
        {
            globals.Add(key, value);
        }

        // Strict: a misspelt variable in a template fails here instead of generating an empty string.
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = member => member.Name };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    public static IEnumerable<string> Names =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".scriban", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".scriban".Length]);

    private static string Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name + ".scriban")
            ?? throw new InvalidOperationException($"The template {name}.scriban is not embedded in the host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
