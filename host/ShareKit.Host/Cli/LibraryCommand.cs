using System.CommandLine;

namespace ShareKit.Host.Cli;

/// <summary><c>sharekit library ls|get</c>: browse, search and download a peer's public library.</summary>
internal static class LibraryCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var command = new Command("library", "Browse, search and download the public library of a peer (its public-read share).");
        command.Subcommands.Add(LibraryListCommand.Create(overrides));
        command.Subcommands.Add(LibraryGetCommand.Create(overrides));
        return command;
    }
}
