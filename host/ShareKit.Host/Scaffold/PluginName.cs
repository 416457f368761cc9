using System.Diagnostics.CodeAnalysis;

namespace ShareKit.Host.Scaffold;

/// <summary>
/// A plugin name as <c>new-plugin</c> accepts it: dotted segments that are each a C# identifier (ASCII letters,
/// digits, '_'; not starting with a digit; not a keyword), e.g. <c>Acme.Transport.Carrier</c>. It becomes the
/// assembly, folder, project and root namespace name, so it must be all of those at once.
/// </summary>
internal sealed record PluginName
{
    private const int MaxLength = 100;

    private static readonly string[] ReservedNames = ["ShareKit.Sdk", "ShareKit.Host", "ShareKit.Conformance", "ShareKit.Testing", "sharekit"];

    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    private PluginName(string value) => Value = value;

    /// <summary>The full dotted name (assembly, folder and namespace).</summary>
    public string Value { get; }

    /// <summary>The last segment, e.g. <c>Carrier</c> for <c>Acme.Transport.Carrier</c>.</summary>
    public string LastSegment => Value[(Value.LastIndexOf('.') + 1)..];

    public static bool TryParse(string? text, [NotNullWhen(true)] out PluginName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        const string Rule = "a plugin name is one or more dotted C# identifiers, e.g. Acme.Transport.Carrier (ASCII letters, digits and '_', no segment starting with a digit)";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"no name was given; {Rule}.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"'{Shorten(text)}' is longer than {MaxLength} characters.";
            return false;
        }

        foreach (var segment in text.Split('.'))
        {
            if (segment.Length == 0)
            {
                error = $"'{text}' has an empty segment (a leading, trailing or doubled '.'); {Rule}.";
                return false;
            }

            if (!(char.IsAsciiLetter(segment[0]) || segment[0] == '_') || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                error = $"'{Shorten(text)}' is not a valid name: the segment '{Shorten(segment)}' is not an identifier; {Rule}.";
                return false;
            }

            if (Keywords.Contains(segment))
            {
                error = $"'{text}' is not a valid name: '{segment}' is a C# keyword and cannot be a namespace segment.";
                return false;
            }
        }

        if (ReservedNames.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            error = $"'{text}' is the name of a ShareKit assembly the host already loads; choose another name.";
            return false;
        }

        name = new PluginName(text);
        error = null;
        return true;
    }

    public override string ToString() => Value;

    private static string Shorten(string text) =>
        string.Concat((text.Length > 60 ? text[..60] + "…" : text).Select(c => char.IsControl(c) ? '?' : c));
}
