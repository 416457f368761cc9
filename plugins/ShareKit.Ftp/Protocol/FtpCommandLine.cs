namespace ShareKit.Ftp;

/// <summary>A control line split into its verb (upper case) and argument (verbatim, may be empty).</summary>
internal readonly record struct FtpCommandLine(string Verb, string Argument)
{
    private const int MaxVerbLength = 8;

    /// <summary>Splits a line; false when the verb is not 1–8 ASCII letters (junk).</summary>
    public static bool TryParse(string line, out FtpCommandLine command)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? line : line[..space];
        command = default;
        if (verb.Length is 0 or > MaxVerbLength || !verb.All(char.IsAsciiLetter))
        {
            return false;
        }

        command = new FtpCommandLine(verb.ToUpperInvariant(), space < 0 ? string.Empty : line[(space + 1)..]);
        return true;
    }
}
