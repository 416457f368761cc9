using System.Security.Cryptography;
using System.Text;

namespace ShareKit.Security.Encrypted.Pairing;

/// <summary>
/// Short codes people read aloud and type to pair two nodes without trust on first use: a number and two words,
/// e.g. <c>417-maple-orbit</c> (about 26 bits). A PAKE makes each connection attempt one guess, so a short code is
/// enough for the few minutes it is valid.
/// </summary>
public static class PairingCode
{
    /// <summary>A new random code.</summary>
    public static string Generate()
    {
        var words = PairingWords.All;
        var number = RandomNumberGenerator.GetInt32(1, 1000);
        return $"{number}-{words[RandomNumberGenerator.GetInt32(words.Count)]}-{words[RandomNumberGenerator.GetInt32(words.Count)]}";
    }

    /// <summary>The code as both sides feed it to the PAKE: lowercase, words separated by single dashes.</summary>
    /// <exception cref="ArgumentException">The code is empty.</exception>
    public static string Normalize(string code)
    {
        var parts = code.Trim().ToLowerInvariant().Split([' ', '-', '\t', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("A pairing code is a number and words, e.g. 417-maple-orbit.", nameof(code));
        }

        return new StringBuilder().AppendJoin('-', parts).ToString();
    }
}
