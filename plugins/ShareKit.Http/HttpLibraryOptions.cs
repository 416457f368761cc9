using ShareKit.Sdk;

namespace ShareKit.Http;

/// <summary>The settings of the <c>http-library</c> service (<c>services:http-library:settings</c>).</summary>
public sealed class HttpLibraryOptions
{
    /// <summary>Where the web page listens; one or more <c>tcp://host:port</c> endpoints. Default <c>tcp://0.0.0.0:8080</c>.</summary>
    public IReadOnlyList<Endpoint> Listen { get; init; } = [Endpoint.Parse("tcp://0.0.0.0:8080")];

    /// <summary>The public-read share to serve. Default <c>library</c>.</summary>
    public string Share { get; init; } = "library";

    /// <summary>A folder whose <c>*.html</c> files replace built-in templates of the same name; null for the built-in ones.</summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>Reads and checks the settings in <paramref name="ctx"/>.</summary>
    /// <exception cref="ConfigurationException">A setting has a value that is not allowed.</exception>
    public static HttpLibraryOptions From(ComponentContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var defaults = new HttpLibraryOptions();
        var listen = ReadListen(ctx) ?? defaults.Listen;
        var share = ctx.Settings["share"];
        if (share is not null && (share.Length == 0 || !share.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            throw new ConfigurationException($"{ctx.SettingsPath}:share", $"'{share}' is not a share name (letters, digits, '.', '_' and '-').");
        }

        return new HttpLibraryOptions
        {
            Listen = listen,
            Share = share ?? defaults.Share,
            TemplatesDirectory = ReadTemplates(ctx),
        };
    }

    private static List<Endpoint>? ReadListen(ComponentContext ctx)
    {
        var section = ctx.Settings.GetSection("listen");
        var items = section.Value is { } single
            ? [(single, section.Path)]
            : section.GetChildren().Select(c => (c.Value ?? string.Empty, c.Path)).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var endpoints = new List<Endpoint>();
        foreach (var (text, _) in items)
        {
            if (!Endpoint.TryParse(text, out var endpoint, out var error))
            {
                throw new ConfigurationException($"{ctx.SettingsPath}:listen", error);
            }

            if (endpoint.Scheme != "tcp" || !endpoint.IsNetwork)
            {
                throw new ConfigurationException($"{ctx.SettingsPath}:listen", $"'{text}' is not allowed; the web page listens on tcp://host:port (e.g. tcp://0.0.0.0:8080).");
            }

            endpoints.Add(endpoint);
        }

        return endpoints;
    }

    private static string? ReadTemplates(ComponentContext ctx)
    {
        var text = ctx.Settings["templates"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.StartsWith("~/", StringComparison.Ordinal))
        {
            text = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text[2..]);
        }

        var full = Path.GetFullPath(Path.Combine(ctx.DataDirectory, text));
        return Directory.Exists(full)
            ? full
            : throw new ConfigurationException($"{ctx.SettingsPath}:templates", $"the folder '{full}' does not exist; give a folder of .html templates, or remove the setting for the built-in ones.");
    }
}
