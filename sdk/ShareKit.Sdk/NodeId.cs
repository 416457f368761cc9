using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ShareKit.Sdk;

/// <summary>A node's stable identifier: 16 random bytes written as 32 lowercase hex digits.</summary>
public readonly record struct NodeId
{
    private readonly string? value;

    private NodeId(string value) => this.value = value;

    /// <summary>The 32 lowercase hex digits.</summary>
    public string Value => value ?? new string('0', 32);

    /// <summary>Makes a new random identifier.</summary>
    public static NodeId NewRandom() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Parses 32 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 32 hex digits.</exception>
    public static NodeId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a node id (32 hex digits).");

    /// <summary>Parses 32 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NodeId id)
    {
        id = default;
        if (text is null || text.Length != 32 || !text.All(Uri.IsHexDigit))
        {
            return false;
        }

        id = new NodeId(text.ToLowerInvariant());
        return true;
    }

    /// <summary>Ids are equal when their hex digits are (the default id equals the all-zero id).</summary>
    public bool Equals(NodeId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
