using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Chooses where an offered file goes without overwriting anything: its own name, <c>name (n).ext</c>, or a refusal.</summary>
internal sealed class TargetResolver
{
    private const int MaxRenames = 999;
    private readonly IFileStore store;
    private readonly ConflictRule rule;
    private readonly HashSet<StorePath> taken = [];

    public TargetResolver(IFileStore store, ConflictRule rule)
    {
        this.store = store;
        this.rule = rule;
    }

    /// <summary>Reserves a path for a folder that is merged into an existing one.</summary>
    public void ReserveFolder(StorePath path) => taken.Add(path);

    /// <returns>The target path, or null and the refusal reason.</returns>
    public async ValueTask<(StorePath? Target, string? Refusal)> ResolveFileAsync(StorePath path, CancellationToken ct)
    {
        if (await IsFreeAsync(path, ct).ConfigureAwait(false))
        {
            return (path, null);
        }

        if (rule == ConflictRule.Refuse)
        {
            return (null, $"'{path.Value}' exists in the share, and this share refuses name clashes (it never overwrites)");
        }

        var name = path.Name;
        var dot = name.LastIndexOf('.');
        var (stem, extension) = dot > 0 ? (name[..dot], name[dot..]) : (name, string.Empty);
        for (var n = 1; n <= MaxRenames; n++)
        {
            if (!StorePath.TryParse(
                    (path.Parent.IsRoot ? string.Empty : path.Parent.Value + "/") + $"{stem} ({n}){extension}",
                    out var candidate,
                    out _))
            {
                break;
            }

            if (await IsFreeAsync(candidate, ct).ConfigureAwait(false))
            {
                return (candidate, null);
            }
        }

        return (null, $"'{path.Value}' exists in the share and no free name like '{stem} (n){extension}' was found");
    }

    private async ValueTask<bool> IsFreeAsync(StorePath path, CancellationToken ct)
    {
        if (taken.Contains(path))
        {
            return false;
        }

        try
        {
            if (await store.StatAsync(path, ct).ConfigureAwait(false) is not null)
            {
                return false;
            }
        }
        catch (StorageException)
        {
            // A parent that is a file (or unreadable) makes the path unusable; the write reports the real reason.
            return true;
        }

        taken.Add(path);
        return true;
    }
}
