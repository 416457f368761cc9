namespace ShareKit.Host.Cli;

/// <summary>The exit codes of every verb, as documented in <c>sharekit --help</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageOrConfiguration = 2;
    public const int Declined = 3;
}
