using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>
/// The in-memory catalog: every known path with its record, and each folder's children. One lock guards both;
/// every operation under it is short, and readers get copies.
/// </summary>
internal sealed class CatalogIndex
{
    private readonly Lock gate = new();
    private readonly Dictionary<StorePath, CatalogRecord> records = [];
    private readonly Dictionary<StorePath, HashSet<StorePath>> children = new() { [StorePath.Root] = [] };

    public int Count
    {
        get
        {
            lock (gate)
            {
                return records.Count;
            }
        }
    }

    public CatalogRecord? Get(StorePath path)
    {
        lock (gate)
        {
            return records.GetValueOrDefault(path);
        }
    }

    /// <summary>The records directly inside <paramref name="folder"/>, or null if the catalog knows no such folder.</summary>
    public List<CatalogRecord>? Children(StorePath folder)
    {
        lock (gate)
        {
            if (!children.TryGetValue(folder, out var paths))
            {
                return null;
            }

            var list = new List<CatalogRecord>(paths.Count);
            foreach (var path in paths)
            {
                list.Add(records[path]);
            }

            return list;
        }
    }

    /// <summary>The paths directly inside <paramref name="folder"/> (empty when unknown).</summary>
    public HashSet<StorePath> ChildPaths(StorePath folder)
    {
        lock (gate)
        {
            return children.TryGetValue(folder, out var paths) ? [.. paths] : [];
        }
    }

    public bool HasFolder(StorePath folder)
    {
        lock (gate)
        {
            return children.ContainsKey(folder);
        }
    }

    /// <summary>Adds or replaces a record; a folder gets an (empty) child list; a file replacing a folder drops the folder's tree.</summary>
    public void Set(CatalogRecord record)
    {
        var path = record.Entry.Path;
        lock (gate)
        {
            if (!children.TryGetValue(path.Parent, out var siblings))
            {
                return;
            }

            if (records.TryGetValue(path, out var old) && old.Entry.IsDirectory && !record.Entry.IsDirectory)
            {
                RemoveTree(path);
            }

            records[path] = record;
            siblings.Add(path);
            if (record.Entry.IsDirectory)
            {
                children.TryAdd(path, []);
            }
        }
    }

    /// <summary>Replaces the record at a path only if it still describes the version of the file <paramref name="expected"/> describes.</summary>
    public bool TryUpdate(FileEntry expected, Func<CatalogRecord, CatalogRecord> update)
    {
        lock (gate)
        {
            if (!records.TryGetValue(expected.Path, out var current) || !current.IsSameVersion(expected))
            {
                return false;
            }

            records[expected.Path] = update(current);
            return true;
        }
    }

    /// <summary>Removes a path and, for a folder, everything below it.</summary>
    public void Remove(StorePath path)
    {
        lock (gate)
        {
            if (records.Remove(path) && children.TryGetValue(path.Parent, out var siblings))
            {
                siblings.Remove(path);
            }

            RemoveTree(path);
        }
    }

    /// <summary>Every record for which <paramref name="keep"/> is true.</summary>
    public List<CatalogRecord> Where(Func<CatalogRecord, bool> keep)
    {
        lock (gate)
        {
            var list = new List<CatalogRecord>();
            foreach (var record in records.Values)
            {
                if (keep(record))
                {
                    list.Add(record);
                }
            }

            return list;
        }
    }

    private void RemoveTree(StorePath folder)
    {
        if (folder.IsRoot || !children.Remove(folder, out var inside))
        {
            return;
        }

        foreach (var child in inside)
        {
            records.Remove(child);
            RemoveTree(child);
        }
    }
}
