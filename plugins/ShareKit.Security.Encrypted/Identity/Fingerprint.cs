using System.Security.Cryptography;

namespace ShareKit.Security.Encrypted.Identity;

/// <summary>
/// The fingerprint people compare: the first 20 bytes of SHA-256 of the public key, in RFC 4648 base32, shown as
/// eight groups of four (<c>K7QF-2M4X-…</c>). 160 bits: far beyond what an attacker could match by grinding keys.
/// </summary>
public static class Fingerprint
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int DigestBytes = 20;

    /// <summary>The fingerprint of <paramref name="publicKey"/>.</summary>
    public static string Of(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(publicKey, hash);
        Span<char> text = stackalloc char[(DigestBytes * 8 / 5) + 7];
        var written = 0;
        var bits = 0;
        var buffer = 0;
        var letters = 0;
        foreach (var value in hash[..DigestBytes])
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                if (letters > 0 && letters % 4 == 0)
                {
                    text[written++] = '-';
                }

                text[written++] = Alphabet[(buffer >> bits) & 31];
                letters++;
            }
        }

        return new string(text[..written]);
    }

    /// <summary>Whether two fingerprints are the same, ignoring case, dashes and spaces (people retype them).</summary>
    public static bool SameAs(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string text) =>
        new(text.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
}
