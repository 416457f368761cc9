namespace ShareKit.Ftp;

/// <summary>The user names that mean an anonymous login.</summary>
internal static class AnonymousLogin
{
    public static bool IsAnonymous(string user) =>
        user.Equals("anonymous", StringComparison.OrdinalIgnoreCase) || user.Equals("ftp", StringComparison.OrdinalIgnoreCase);
}
