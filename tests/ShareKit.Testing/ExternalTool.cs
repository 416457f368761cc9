namespace ShareKit.Testing;

/// <summary>
/// Finds third-party programs that interop tests need. A missing tool fails the test with a message saying how
/// to get it (tests/run.sh installs every one of them); tests never skip silently, in CI or elsewhere.
/// </summary>
public static class ExternalTool
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            foreach (var candidate in new[] { dir, "/usr/sbin", "/sbin" })
            {
                var full = Path.Combine(candidate, name);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    /// <summary>The full path of a required tool; fails the test when it is missing.</summary>
    public static string Require(string name, string debianPackage)
    {
        return Find(name) ?? throw new Xunit.Sdk.XunitException(
            $"This test needs '{name}' (Debian package '{debianPackage}'); run tests/run.sh, which installs it, or apt-get install {debianPackage}.");
    }
}
