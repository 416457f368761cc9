using System.Security.Cryptography;
using System.Text.Json;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Identity;

namespace ShareKit.Security.Encrypted.Trust;

/// <summary>
/// The known-peers file (<c>&lt;data directory&gt;/known-peers.json</c>): the key pinned for each peer node id, and keys
/// refused because they differed from the pin (so <c>sharekit trust &lt;fingerprint&gt;</c> can accept one deliberately).
/// The file is re-read on every call, so edits by another process (the CLI) take effect at once.
/// </summary>
public sealed class KnownPeers
{
    /// <summary>The file name under the data directory.</summary>
    public const string FileName = "known-peers.json";

    private static readonly Lock Gate = new();

    /// <summary>Uses the known-peers file of <paramref name="dataDirectory"/>.</summary>
    public KnownPeers(string dataDirectory) => FilePath = Path.Combine(dataDirectory, FileName);

    /// <summary>The full path of the file.</summary>
    public string FilePath { get; }

    /// <summary>All pinned peers.</summary>
    public IReadOnlyList<KnownPeer> Pinned
    {
        get
        {
            lock (Gate)
            {
                return Read().Pinned;
            }
        }
    }

    /// <summary>Keys refused because they differed from a pin, newest last.</summary>
    public IReadOnlyList<KnownPeer> Refused
    {
        get
        {
            lock (Gate)
            {
                return Read().Refused;
            }
        }
    }

    /// <summary>The pinned entry for <paramref name="nodeId"/>, or null.</summary>
    public KnownPeer? Find(NodeId nodeId)
    {
        lock (Gate)
        {
            return Read().Pinned.Find(p => p.NodeId == nodeId.Value);
        }
    }

    /// <summary>Whether <paramref name="publicKey"/> is the key pinned for <paramref name="nodeId"/>.</summary>
    public bool IsPinned(NodeId nodeId, ReadOnlySpan<byte> publicKey)
    {
        var pinned = Find(nodeId);
        return pinned is not null && SameKey(pinned, publicKey);
    }

    /// <summary>Pins <paramref name="publicKey"/> for <paramref name="nodeId"/>, replacing any earlier pin.</summary>
    public void Pin(NodeId nodeId, string name, ReadOnlySpan<byte> publicKey)
    {
        var entry = Entry(nodeId, name, publicKey);
        lock (Gate)
        {
            var document = Read();
            document.Pinned.RemoveAll(p => p.NodeId == nodeId.Value);
            document.Refused.RemoveAll(p => p.NodeId == nodeId.Value);
            document.Pinned.Add(entry);
            Write(document);
        }
    }

    /// <summary>Accepts a refused key by its fingerprint (what <c>sharekit trust &lt;fingerprint&gt;</c> does); false if no refused key has it.</summary>
    public bool Accept(string fingerprint)
    {
        lock (Gate)
        {
            var document = Read();
            var refused = document.Refused.FindLast(p => Fingerprint.SameAs(p.Fingerprint, fingerprint));
            if (refused is null)
            {
                return false;
            }

            document.Pinned.RemoveAll(p => p.NodeId == refused.NodeId);
            document.Refused.RemoveAll(p => p.NodeId == refused.NodeId);
            document.Pinned.Add(refused with { Since = DateTimeOffset.UtcNow });
            Write(document);
            return true;
        }
    }

    /// <summary>Forgets the pin for <paramref name="nodeId"/> (the next contact is a first contact again); false if none.</summary>
    public bool Forget(NodeId nodeId)
    {
        lock (Gate)
        {
            var document = Read();
            var removed = document.Pinned.RemoveAll(p => p.NodeId == nodeId.Value) + document.Refused.RemoveAll(p => p.NodeId == nodeId.Value);
            if (removed > 0)
            {
                Write(document);
            }

            return removed > 0;
        }
    }

    /// <summary>Decides whether to accept a peer that proved it holds <paramref name="publicKey"/> and claims <paramref name="nodeId"/>.</summary>
    /// <exception cref="TrustException">The key differs from the pinned one, or the peer is unknown under <see cref="TrustMode.PinnedOnly"/>.</exception>
    internal TrustDecision Check(NodeId nodeId, string name, ReadOnlySpan<byte> publicKey, TrustMode mode, bool paired)
    {
        lock (Gate)
        {
            var document = Read();
            var pinned = document.Pinned.Find(p => p.NodeId == nodeId.Value);
            if (pinned is not null && SameKey(pinned, publicKey))
            {
                return TrustDecision.Known;
            }

            var presented = Entry(nodeId, name, publicKey);
            if (paired)
            {
                document.Pinned.RemoveAll(p => p.NodeId == nodeId.Value);
                document.Refused.RemoveAll(p => p.NodeId == nodeId.Value);
                document.Pinned.Add(presented);
                Write(document);
                return TrustDecision.Paired;
            }

            if (pinned is not null)
            {
                Remember(document, presented);
                Write(document);
                throw new PeerKeyChangedException(
                    $"Peer '{name}' ({nodeId}) presented a different key than the one pinned on first contact:\n" +
                    $"  pinned:    {pinned.Fingerprint}\n" +
                    $"  presented: {presented.Fingerprint}\n" +
                    "Someone may be intercepting the connection, or the peer made a new identity. Ask its owner to read you the " +
                    $"fingerprint from `sharekit identity`; only if it is {presented.Fingerprint}, accept it with " +
                    $"`sharekit trust {presented.Fingerprint}` (or forget the old key with `sharekit trust --forget {nodeId}`).");
            }

            if (mode == TrustMode.PinnedOnly)
            {
                Remember(document, presented);
                Write(document);
                throw new PeerNotTrustedException(
                    $"Peer '{name}' ({nodeId}, fingerprint {presented.Fingerprint}) is not a known peer, and trust is 'pinned-only'. " +
                    $"If its owner reads you the same fingerprint from `sharekit identity`, accept it with `sharekit trust {presented.Fingerprint}`, " +
                    "or pair with a code.");
            }

            document.Pinned.Add(presented);
            Write(document);
            return TrustDecision.NewlyPinned;
        }
    }

    private static bool SameKey(KnownPeer peer, ReadOnlySpan<byte> publicKey)
    {
        Span<byte> stored = stackalloc byte[64];
        return Convert.TryFromBase64String(peer.PublicKey, stored, out var length)
            && CryptographicOperations.FixedTimeEquals(stored[..length], publicKey);
    }

    private static KnownPeer Entry(NodeId nodeId, string name, ReadOnlySpan<byte> publicKey) =>
        new(nodeId.Value, name, Convert.ToBase64String(publicKey), Fingerprint.Of(publicKey), DateTimeOffset.UtcNow);

    private static void Remember(KnownPeersDocument document, KnownPeer refused)
    {
        document.Refused.RemoveAll(p => p.NodeId == refused.NodeId && p.PublicKey == refused.PublicKey);
        document.Refused.Add(refused);
        // A hostile network could fill the file with refused keys; only the latest few matter to a person.
        const int Keep = 32;
        if (document.Refused.Count > Keep)
        {
            document.Refused.RemoveRange(0, document.Refused.Count - Keep);
        }
    }

    private KnownPeersDocument Read()
    {
        if (!File.Exists(FilePath))
        {
            return new KnownPeersDocument();
        }

        try
        {
            using var stream = File.OpenRead(FilePath);
            return JsonSerializer.Deserialize(stream, KnownPeersJsonContext.Default.KnownPeersDocument) ?? new KnownPeersDocument();
        }
        catch (JsonException e)
        {
            throw new TrustException(
                $"The known-peers file {FilePath} is damaged ({e.Message}). Fix it by hand, or move it away to start over " +
                "(every peer is then a first contact again).",
                e);
        }
    }

    private void Write(KnownPeersDocument document)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temporary = FilePath + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, document, KnownPeersJsonContext.Default.KnownPeersDocument);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }
}
