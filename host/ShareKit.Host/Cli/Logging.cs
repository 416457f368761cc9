using Microsoft.Extensions.Logging;

namespace ShareKit.Host.Cli;

/// <summary>Console logging to stderr (stdout is for data), one plain line per message.</summary>
internal static class Logging
{
    public static ILoggerFactory Create(bool verbose)
    {
        PlainConsoleFormatter.Verbose = verbose;
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information);
            builder.AddFilter("Microsoft", LogLevel.Warning);
            builder.AddConsole(options =>
            {
                options.LogToStandardErrorThreshold = LogLevel.Trace;
                options.FormatterName = PlainConsoleFormatter.FormatterName;
            });
            builder.AddConsoleFormatter<PlainConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        });
    }
}
