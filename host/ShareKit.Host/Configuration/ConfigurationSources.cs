using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Host.Configuration;

/// <summary>
/// Builds the layered configuration: plugins.json, then <c>SHAREKIT__SECTION__KEY</c> environment variables,
/// then <c>--section:key=value</c> arguments (later sources win).
/// </summary>
internal static class ConfigurationSources
{
    public const string EnvironmentPrefix = "SHAREKIT__";

    /// <summary>Where plugins.json is looked for when <c>--config</c> is not given, in order.</summary>
    public static IReadOnlyList<string> DefaultLocations()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome))
        {
            configHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return
        [
            Path.Combine(Environment.CurrentDirectory, "plugins.json"),
            Path.Combine(configHome, "sharekit", "plugins.json"),
            Path.Combine(AppContext.BaseDirectory, "plugins.json"),
        ];
    }

    /// <summary>The config file to read: the explicit one (must exist) or the first default location that exists.</summary>
    /// <exception cref="ConfigurationException">No file is there.</exception>
    public static string ResolveFile(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath);
            return File.Exists(full)
                ? full
                : throw new ConfigurationException("--config", $"the file '{full}' does not exist.");
        }

        var locations = DefaultLocations();
        return locations.FirstOrDefault(File.Exists)
            ?? throw new ConfigurationException("--config", $"no plugins.json found (looked in {string.Join(", ", locations)}); pass --config PATH.");
    }

    /// <summary>Reads the layers into one configuration.</summary>
    /// <exception cref="ConfigurationException">The file is not valid JSON.</exception>
    public static IConfigurationRoot Build(string file, IReadOnlyList<string> overrides)
    {
        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(file, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddCommandLine([.. overrides])
                .Build();
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException(file, $"is not valid JSON: {e.InnerException?.Message ?? e.Message}");
        }
        catch (FormatException e)
        {
            throw new ConfigurationException(file, $"could not be read: {e.Message}");
        }
    }

    /// <summary>Splits <c>--section:key=value</c> overrides from the verb's own arguments.</summary>
    public static (string[] Verb, string[] Overrides) SplitOverrides(IEnumerable<string> args)
    {
        var verb = new List<string>();
        var overrides = new List<string>();
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var colon = arg.IndexOf(':', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && colon > 2 && equals > colon)
            {
                overrides.Add(arg);
            }
            else
            {
                verb.Add(arg);
            }
        }

        return ([.. verb], [.. overrides]);
    }
}
