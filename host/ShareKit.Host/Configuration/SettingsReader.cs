using Microsoft.Extensions.Configuration;
using ShareKit.Host.Node;
using ShareKit.Sdk;

namespace ShareKit.Host.Configuration;

/// <summary>
/// Turns the layered configuration into validated <see cref="HostSettings"/>. Every refusal is a
/// <see cref="ConfigurationException"/> naming the JSON path of the bad value and what is allowed.
/// </summary>
internal static class SettingsReader
{
    private static readonly string[] TopLevelKeys = ["node", "plugins", "endpoint", "discovery", "shares", "services"];
    private static readonly string[] ShareKeys = ["storage", "access", "accept", "onConflict", "settings"];
    private static readonly string[] ComponentKeys = ["enabled", "settings"];

    public static HostSettings Read(IConfiguration config, string sourceFile)
    {
        RefuseUnknownKeys(config, string.Empty, TopLevelKeys);
        var baseDirectory = Path.GetDirectoryName(sourceFile) ?? Environment.CurrentDirectory;
        return new HostSettings(
            sourceFile,
            ReadNode(config.GetSection("node"), baseDirectory),
            [.. config.GetSection("plugins").GetChildren().Select(ReadPlugin)],
            ReadEndpoint(config.GetSection("endpoint")),
            [.. config.GetSection("discovery").GetChildren().Select(ReadComponent)],
            [.. config.GetSection("shares").GetChildren().Select(ReadShare)],
            [.. config.GetSection("services").GetChildren().Select(ReadComponent)]);
    }

    private static NodeSettings ReadNode(IConfigurationSection section, string baseDirectory)
    {
        RefuseUnknownKeys(section, section.Path, ["name", "dataDirectory"]);
        var name = section["name"];
        if (string.IsNullOrWhiteSpace(name))
        {
            name = System.Net.Dns.GetHostName();
        }

        if (name.Length > 63 || name.Any(char.IsControl))
        {
            throw new ConfigurationException("node:name", $"'{name}' is not a display name (at most 63 characters, no control characters).");
        }

        var dataDirectory = section["dataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = DefaultDataDirectory();
        }

        return new NodeSettings(name.Trim(), ExpandPath(dataDirectory, baseDirectory));
    }

    private static PluginSettings ReadPlugin(IConfigurationSection section)
    {
        RefuseUnknownKeys(section, section.Path, ComponentKeys);
        var name = section.Key;
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ConfigurationException(section.Path, "a plugin name is its folder name: letters, digits, '.', '_' and '-'.");
        }

        var settings = section.GetSection("settings");
        return new PluginSettings(name, ReadBool(section, "enabled", true), settings, settings.Path);
    }

    private static ComponentSettings ReadComponent(IConfigurationSection section)
    {
        RefuseUnknownKeys(section, section.Path, ComponentKeys);
        var settings = section.GetSection("settings");
        return new ComponentSettings(section.Key, ReadBool(section, "enabled", true), settings, settings.Path);
    }

    private static EndpointSettings ReadEndpoint(IConfigurationSection section)
    {
        RefuseUnknownKeys(section, section.Path, ["listen", "layers"]);
        var listen = new List<Endpoint>();
        foreach (var (text, path) in ReadList(section.GetSection("listen")))
        {
            if (!Endpoint.TryParse(text, out var endpoint, out var error))
            {
                throw new ConfigurationException(path, error);
            }

            listen.Add(endpoint);
        }

        var layers = ReadList(section.GetSection("layers")).Select(item => item.Value).ToList();
        return new EndpointSettings(listen, layers);
    }

    private static ShareSettings ReadShare(IConfigurationSection section)
    {
        RefuseUnknownKeys(section, section.Path, ShareKeys);
        if (!section.Key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ConfigurationException(section.Path, "a share name may use letters, digits, '.', '_' and '-'.");
        }

        var storage = section["storage"];
        if (string.IsNullOrWhiteSpace(storage))
        {
            throw new ConfigurationException($"{section.Path}:storage", "is missing; name a storage kind such as \"local\".");
        }

        var access = ReadChoice(section, "access", null, ("public-read", ShareAccess.PublicRead), ("receive", ShareAccess.Receive), ("private", ShareAccess.Private));
        var accept = ReadChoice(section, "accept", AcceptRule.Ask, ("ask", AcceptRule.Ask), ("known-peers", AcceptRule.KnownPeers), ("all", AcceptRule.All));
        var conflict = ReadChoice(section, "onConflict", ConflictRule.Rename, ("rename", ConflictRule.Rename), ("refuse", ConflictRule.Refuse));
        var settings = section.GetSection("settings");
        return new ShareSettings(section.Key, storage, access, accept, conflict, settings, settings.Path);
    }

    private static T ReadChoice<T>(IConfigurationSection section, string key, T? fallback, params (string Word, T Value)[] choices)
        where T : struct
    {
        var text = section[key];
        var path = $"{section.Path}:{key}";
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback ?? throw new ConfigurationException(path, $"is missing; allowed: {string.Join(", ", choices.Select(c => c.Word))}.");
        }

        foreach (var (word, value) in choices)
        {
            if (string.Equals(word, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ConfigurationException(path, $"'{text}' is not allowed; allowed: {string.Join(", ", choices.Select(c => c.Word))}.");
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new ConfigurationException($"{section.Path}:{key}", $"'{text}' is not allowed; allowed: true, false.");
    }

    /// <summary>Reads a JSON array of strings, or a single string, with the path of each item.</summary>
    private static List<(string Value, string Path)> ReadList(IConfigurationSection section)
    {
        if (!string.IsNullOrEmpty(section.Value))
        {
            return [(section.Value, section.Path)];
        }

        return [.. section.GetChildren().Select(child => (child.Value ?? string.Empty, child.Path))];
    }

    private static void RefuseUnknownKeys(IConfiguration section, string path, string[] allowed)
    {
        foreach (var child in section.GetChildren())
        {
            if (!allowed.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                var where = path.Length == 0 ? child.Key : $"{path}:{child.Key}";
                throw new ConfigurationException(where, $"is not a known setting here; allowed: {string.Join(", ", allowed)}.");
            }
        }
    }

    private static string DefaultDataDirectory()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return string.IsNullOrEmpty(dataHome) ? "~/.local/share/sharekit" : Path.Combine(dataHome, "sharekit");
    }

    private static string ExpandPath(string path, string baseDirectory)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'));
        }

        return Path.GetFullPath(path, baseDirectory);
    }
}
