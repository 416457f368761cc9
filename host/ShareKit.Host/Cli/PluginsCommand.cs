using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShareKit.Host.Plugins;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit plugins</c>: each configured plugin with its version, state, components and reason.</summary>
internal static class PluginsCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON document instead of a table." };

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var command = new Command("plugins", "List the plugins named in plugins.json: version, state (loaded, disabled, failed, incompatible), components and why a plugin did not load.")
        {
            Json,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            using var host = HostBootstrap.Start(parse, overrides);
            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(host.Plugins.Select(ToJson).ToList(), PluginsJsonContext.Default.ListPluginJson));
            }
            else
            {
                WriteTable(host.Plugins);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static PluginJson ToJson(PluginStatus status) => new(
        status.Name, status.Version, status.State.ToString().ToLowerInvariant(), status.Components, status.Reason, status.Description);

    private static void WriteTable(IReadOnlyList<PluginStatus> plugins) => TextTable.Write(
        ["NAME", "VERSION", "STATE", "COMPONENTS", "REASON"],
        plugins.Select(p => new[]
        {
            p.Name,
            p.Version ?? "-",
            p.State.ToString().ToLowerInvariant(),
            p.Components.Count == 0 ? "-" : string.Join(", ", p.Components),
            p.Reason ?? string.Empty,
        }));
}

/// <summary>One plugin in <c>sharekit plugins --json</c>.</summary>
internal sealed record PluginJson(
    string Name,
    string? Version,
    string State,
    IReadOnlyList<string> Components,
    string? Reason,
    string? Description);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PluginJson>))]
internal sealed partial class PluginsJsonContext : JsonSerializerContext;
