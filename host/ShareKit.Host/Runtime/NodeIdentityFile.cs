using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>The node's random id, kept in <c>&lt;data&gt;/node-id</c> so it survives restarts.</summary>
internal static class NodeIdentityFile
{
    public static NodeId LoadOrCreate(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "node-id");
        if (File.Exists(file))
        {
            var text = File.ReadAllText(file).Trim();
            return NodeId.TryParse(text, out var id)
                ? id
                : throw new ConfigurationException(file, "does not hold a node id (32 hex digits); delete it to make a new one.");
        }

        var created = NodeId.NewRandom();
        File.WriteAllText(file, created.Value + "\n");
        return created;
    }
}
