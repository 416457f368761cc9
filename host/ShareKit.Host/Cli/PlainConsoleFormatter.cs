using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ShareKit.Host.Cli;

/// <summary>
/// One short line per message for people (<c>sharekit: warning: …</c>), instead of the default category and event id;
/// with --verbose, a timestamp and the category too.
/// </summary>
internal sealed class PlainConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "sharekit-plain";

    public static bool Verbose { get; set; }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var level = logEntry.LogLevel switch
        {
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            LogLevel.Debug or LogLevel.Trace => "debug: ",
            _ => string.Empty,
        };
        if (Verbose)
        {
            textWriter.Write(DateTime.Now.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture));
            textWriter.Write($"[{logEntry.Category}] ");
        }
        else
        {
            textWriter.Write("sharekit: ");
        }

        textWriter.Write(level);
        textWriter.WriteLine(message);
        if (Verbose && logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }
}
