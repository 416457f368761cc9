using System.Net;
using System.Net.Sockets;
using Makaretu.Dns;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>
/// Browses <c>_sharekit._tcp.local</c> and resolves each instance (RFC 6762 §5.2, RFC 6763): continuous PTR
/// querying (1 s, 2 s, 4 s … up to an hour), SRV/TXT/A/AAAA questions for whatever an instance still lacks, a cache
/// of what was heard with its TTL, refresh queries at 80/85/90/95 % of a record's life, TTL 0 as goodbye.
/// A fully resolved instance becomes a <see cref="NodeAnnouncement"/> on the <see cref="NodeBoard"/>.
/// Not thread-safe: the discovery calls it under its lock.
/// </summary>
internal sealed class MdnsBrowser(NodeBoard board, NodeId self)
{
    /// <summary>Most instances and host names cached, so invented names cannot grow memory without bound.</summary>
    public const int MaxEntries = 1024;

    private const long FirstQueryGapMs = 1000;
    private const long MaxQueryGapMs = 3_600_000;
    private const long ResolveRetryMs = 1000;

    private readonly Dictionary<DomainName, Instance> instances = [];
    private readonly Dictionary<DomainName, Dictionary<IPAddress, Address>> hosts = [];
    private readonly List<Question> wanted = [];
    private long nextQueryAt = long.MaxValue;
    private long queryGap = FirstQueryGapMs;

    /// <summary>True when questions wait to be sent (the scheduler should tick now).</summary>
    public bool HasQuestions => wanted.Count > 0;

    /// <summary>(Re)starts the query schedule, e.g. at start and when interfaces change.</summary>
    public void Start(long now)
    {
        nextQueryAt = now + Random.Shared.Next(20, 120);
        queryGap = FirstQueryGapMs;
    }

    public void OnResponse(Message response, LocalInterface nic, long now)
    {
        foreach (var record in response.Answers.Concat(response.AdditionalRecords))
        {
            var ttl = (long)record.TTL.TotalMilliseconds;
            switch (record)
            {
                case PTRRecord ptr when ptr.Name.Equals(ServiceNames.ServiceType) && ServiceNames.IsInstance(ptr.DomainName):
                    if (Find(ptr.DomainName, create: ttl > 0) is { } found)
                    {
                        found.Ptr = new Lifetime(now, ttl);
                    }

                    break;
                case SRVRecord srv when instances.TryGetValue(srv.Name, out var withSrv):
                    withSrv.Srv = new Lifetime(now, ttl);
                    withSrv.Target = srv.Target;
                    withSrv.Port = srv.Port;
                    break;
                case TXTRecord txt when instances.TryGetValue(txt.Name, out var withTxt):
                    withTxt.Txt = new Lifetime(now, ttl);
                    withTxt.Properties = TxtProperties.Parse(txt.Strings);
                    break;
                case AddressRecord address:
                    OnAddress(address, nic, now, ttl);
                    break;
            }
        }

        Evaluate(now);
    }

    public long Tick(long now, IReadOnlyList<LocalInterface> interfaces, List<Outgoing> output)
    {
        Evaluate(now);
        var next = long.MaxValue;
        var askBrowse = false;
        if (now >= nextQueryAt)
        {
            askBrowse = true;
            nextQueryAt = now + queryGap;
            queryGap = Math.Min(queryGap * 2, MaxQueryGapMs);
        }

        next = Math.Min(next, nextQueryAt);
        foreach (var instance in instances.Values)
        {
            // Cache maintenance (RFC 6762 §5.2): ask again at 80, 85, 90 and 95 % of the PTR's life.
            if (instance.Ptr.RefreshDue(instance.RefreshStep) is { } due)
            {
                if (now >= due)
                {
                    askBrowse = true;
                    Ask(instance.Name, DnsType.SRV);
                    Ask(instance.Name, DnsType.TXT);
                    instance.RefreshStep++;
                }
                else
                {
                    next = Math.Min(next, due);
                }
            }

            next = Math.Min(next, instance.NextExpiry(hosts));
        }

        if (askBrowse)
        {
            Ask(ServiceNames.ServiceType, DnsType.PTR);
        }

        if (wanted.Count > 0)
        {
            var query = new Message();
            query.Questions.AddRange(wanted);
            foreach (var instance in instances.Values)
            {
                // Known answers (RFC 6762 §7.1): responders whose PTR we hold for more than half its TTL stay quiet.
                if (instance.Ptr.RemainingFraction(now) > 0.5)
                {
                    query.Answers.Add(new PTRRecord
                    {
                        Name = ServiceNames.ServiceType,
                        DomainName = instance.Name,
                        TTL = TimeSpan.FromMilliseconds(instance.Ptr.Expires - now),
                    });
                }
            }

            wanted.Clear();
            output.Add(new Outgoing(query, null));
        }

        return next;
    }

    private Instance? Find(DomainName name, bool create)
    {
        if (instances.TryGetValue(name, out var instance))
        {
            return instance;
        }

        if (!create || instances.Count >= MaxEntries)
        {
            return null;
        }

        instance = new Instance(name);
        instances.Add(name, instance);
        return instance;
    }

    private void OnAddress(AddressRecord record, LocalInterface nic, long now, long ttl)
    {
        if (!hosts.TryGetValue(record.Name, out var addresses))
        {
            if (ttl == 0 || hosts.Count >= MaxEntries)
            {
                return;
            }

            addresses = [];
            hosts.Add(record.Name, addresses);
        }

        if (((ushort)record.Class & ServiceNames.TopBit) != 0)
        {
            // Cache flush (RFC 6762 §10.2): older addresses of this name and family go after a second.
            foreach (var (ip, known) in addresses.ToList())
            {
                if (ip.AddressFamily == record.Address.AddressFamily && !ip.Equals(record.Address) && now - known.Heard.Start > 1000)
                {
                    addresses[ip] = known with { Heard = new Lifetime(known.Heard.Start, Math.Min(known.Heard.Ttl, now + 1000 - known.Heard.Start)) };
                }
            }
        }

        var address = record.Address.IsIPv6LinkLocal ? new IPAddress(record.Address.GetAddressBytes(), nic.Index) : record.Address;
        addresses[address] = new Address(new Lifetime(now, ttl));
    }

    private void Ask(DomainName name, DnsType type)
    {
        if (!wanted.Any(q => q.Name.Equals(name) && q.Type == type))
        {
            wanted.Add(new Question { Name = name, Type = type, Class = DnsClass.IN });
        }
    }

    /// <summary>Drops what expired, publishes what is resolved, asks for what is missing.</summary>
    private void Evaluate(long now)
    {
        foreach (var (name, addresses) in hosts.ToList())
        {
            foreach (var (ip, address) in addresses.ToList())
            {
                if (address.Heard.Expires <= now)
                {
                    addresses.Remove(ip);
                }
            }

            if (addresses.Count == 0)
            {
                hosts.Remove(name);
            }
        }

        foreach (var (name, instance) in instances.ToList())
        {
            if (instance.Ptr.Expires <= now)
            {
                instances.Remove(name);
                Unpublish(instance);
                continue;
            }

            var announcement = instance.Resolve(now, hosts);
            if (announcement is null)
            {
                if (instance.Srv.Expires <= now || instance.Txt.Expires <= now)
                {
                    Unpublish(instance);
                }

                if (now - instance.LastResolveQuery >= ResolveRetryMs)
                {
                    instance.LastResolveQuery = now;
                    if (instance.Srv.Expires <= now)
                    {
                        Ask(instance.Name, DnsType.SRV);
                    }

                    if (instance.Txt.Expires <= now)
                    {
                        Ask(instance.Name, DnsType.TXT);
                    }

                    if (instance.Target is { } target && instance.Srv.Expires > now)
                    {
                        Ask(target, DnsType.A);
                        Ask(target, DnsType.AAAA);
                    }
                }

                continue;
            }

            if (announcement.Id == self)
            {
                continue;
            }

            if (!instance.AskedOtherFamily && instance.Target is { } host && HasOneFamilyOnly(host))
            {
                // Some responders (avahi) send A and AAAA in separate messages: ask once for the family not seen yet.
                instance.AskedOtherFamily = true;
                Ask(host, DnsType.A);
                Ask(host, DnsType.AAAA);
            }

            if (instance.Published is { } before && before != announcement.Id)
            {
                board.Remove(before);
            }

            instance.Published = announcement.Id;
            board.Set(announcement);
        }
    }

    private bool HasOneFamilyOnly(DomainName host) =>
        hosts.TryGetValue(host, out var addresses) && addresses.Keys.Select(a => a.AddressFamily).Distinct().Count() == 1;

    private void Unpublish(Instance instance)
    {
        if (instance.Published is { } id)
        {
            board.Remove(id);
            instance.Published = null;
        }
    }

    /// <summary>When a record was heard and for how long it holds (TTL 0 = goodbye: gone now).</summary>
    private readonly record struct Lifetime(long Start, long Ttl)
    {
        public long Expires => Start + Ttl;

        public double RemainingFraction(long now) => Ttl <= 0 ? 0 : (double)(Expires - now) / Ttl;

        public long? RefreshDue(int step) => Ttl <= 0 || step >= 4 ? null : Start + (long)(Ttl * (0.80 + (0.05 * step)));
    }

    private readonly record struct Address(Lifetime Heard);

    private sealed class Instance(DomainName name)
    {
        private Lifetime ptr;

        public DomainName Name { get; } = name;

        public Lifetime Ptr
        {
            get => ptr;
            set
            {
                ptr = value;
                RefreshStep = 0;
            }
        }

        public Lifetime Srv { get; set; }

        public Lifetime Txt { get; set; }

        public DomainName? Target { get; set; }

        public int Port { get; set; }

        public Dictionary<string, string> Properties { get; set; } = [];

        public int RefreshStep { get; set; }

        public long LastResolveQuery { get; set; } = long.MinValue / 2;

        public NodeId? Published { get; set; }

        public bool AskedOtherFamily { get; set; }

        public long NextExpiry(Dictionary<DomainName, Dictionary<IPAddress, Address>> hosts)
        {
            var next = Math.Min(Ptr.Expires, Math.Min(Srv.Ttl > 0 ? Srv.Expires : long.MaxValue, Txt.Ttl > 0 ? Txt.Expires : long.MaxValue));
            if (Target is not null && hosts.TryGetValue(Target, out var addresses))
            {
                foreach (var address in addresses.Values)
                {
                    next = Math.Min(next, address.Heard.Expires);
                }
            }

            return next;
        }

        public NodeAnnouncement? Resolve(long now, Dictionary<DomainName, Dictionary<IPAddress, Address>> hosts)
        {
            if (Srv.Expires <= now || Txt.Expires <= now || Target is null || !hosts.TryGetValue(Target, out var addresses))
            {
                return null;
            }

            var endpoints = addresses.Keys
                .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
                .ThenBy(a => a.ToString(), StringComparer.Ordinal)
                .Select(a => Endpoint.ForNetwork("tcp", new IPEndPoint(a, Port)))
                .ToList();
            if (endpoints.Count == 0)
            {
                return null;
            }

            var label = Name.Labels[0];
            var capabilities = Properties.TryGetValue("caps", out var caps)
                ? caps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            var version = Properties.TryGetValue("v", out var v) && int.TryParse(v, out var parsed) ? parsed : 0;
            return new NodeAnnouncement(
                TxtProperties.IdFrom(Properties, Name.ToString()),
                label,
                endpoints,
                capabilities,
                Properties.TryGetValue("fp", out var fp) && fp.Length > 0 ? fp : null,
                version);
        }
    }
}
