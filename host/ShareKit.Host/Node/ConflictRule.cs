namespace ShareKit.Host.Node;

/// <summary>What happens when an offered file's name exists in the share (<c>onConflict</c>). Nothing is ever overwritten.</summary>
public enum ConflictRule
{
    /// <summary>Store it as <c>name (1).ext</c>, <c>name (2).ext</c>, …</summary>
    Rename,

    /// <summary>Refuse that item; the rest of the offer goes on.</summary>
    Refuse,
}
