using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Refuses hostile offers as a whole: bad paths, duplicates, a name used as file and folder, impossible sizes.</summary>
internal static class OfferValidator
{
    /// <returns>Each item's parsed path, by index.</returns>
    /// <exception cref="PeerProtocolException">The offer breaks a rule; the message names the item and the rule.</exception>
    public static StorePath[] Validate(IReadOnlyList<OfferedItem> items)
    {
        var paths = new StorePath[items.Count];
        var kinds = new Dictionary<StorePath, ItemKind>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!StorePath.TryParse(item.Path, out var path, out var error))
            {
                throw Bad($"item {i} has a path that is not allowed ('{Printable(item.Path)}'): {error}");
            }

            if (path.IsRoot)
            {
                throw Bad($"item {i} has an empty path");
            }

            if (item.Size < 0 || (item.Kind == ItemKind.Dir && item.Size != 0))
            {
                throw Bad($"item {i} ('{path.Value}') claims an impossible size of {item.Size} bytes");
            }

            if (!kinds.TryAdd(path, item.Kind))
            {
                throw Bad(kinds[path] == item.Kind
                    ? $"'{path.Value}' is offered twice"
                    : $"'{path.Value}' is offered both as a file and as a folder");
            }

            paths[i] = path;
        }

        foreach (var path in paths)
        {
            for (var parent = path.Parent; !parent.IsRoot; parent = parent.Parent)
            {
                if (kinds.TryGetValue(parent, out var kind) && kind == ItemKind.File)
                {
                    throw Bad($"'{parent.Value}' is offered as a file and also as the folder holding '{path.Value}'");
                }
            }
        }

        return paths;
    }

    private static PeerProtocolException Bad(string what) =>
        new(ErrorCodes.BadOffer, $"The offer was refused: {what}. Nothing was received.");

    private static string Printable(string text)
    {
        var shown = text.Length > 80 ? text[..80] + "…" : text;
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }
}
