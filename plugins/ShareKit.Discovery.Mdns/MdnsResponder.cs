using System.Net;
using Makaretu.Dns;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>
/// Publishes this node as <c>NAME._sharekit._tcp.local</c> (RFC 6762/6763): probes the name three times 250 ms
/// apart and renames on conflict (<c>name (2)</c>), announces twice a second apart, answers PTR/SRV/TXT/A/AAAA
/// queries with the addresses of the interface the query came in on, and says goodbye with TTL 0. Not thread-safe:
/// the discovery calls it under its lock.
/// </summary>
internal sealed class MdnsResponder(MdnsOptions options, ILogger logger)
{
    private const long ProbeGapMs = 250;
    private const long AnnounceGapMs = 1000;
    private const int Probes = 3;
    private const int Announcements = 2;

    private readonly Dictionary<int, PendingAnswer> pending = [];
    private NodeAnnouncement? node;
    private string label = string.Empty;
    private DomainName instance = ServiceNames.ServiceType;
    private DomainName host = ServiceNames.ServiceType;
    private Phase phase = Phase.Idle;
    private int step;
    private long nextAt = long.MaxValue;

    [Flags]
    private enum Answer
    {
        None = 0,
        Ptr = 1,
        Srv = 2,
        Txt = 4,
        Addresses = 8,
        Enumeration = 16,
    }

    private enum Phase
    {
        Idle,
        Probing,
        Announced,
    }

    /// <summary>The instance label in use (after any renaming).</summary>
    public string Label => label;

    private bool IsUp => phase == Phase.Announced;

    /// <summary>Starts (or restarts) publishing <paramref name="self"/>; a new display name is probed again.</summary>
    public void Start(NodeAnnouncement self, long now)
    {
        var nameChanged = node is null || node.Name != self.Name;
        node = self;
        host = ServiceNames.HostFor(self.Id);
        if (nameChanged || phase == Phase.Idle)
        {
            SetLabel(ServiceNames.Label(self.Name));
            StartProbing(now + Random.Shared.Next(0, 250));
        }
        else if (phase == Phase.Announced)
        {
            StartAnnouncing(now);
        }
    }

    /// <summary>Interfaces changed: tell the new ones about us.</summary>
    public void InterfacesChanged(long now)
    {
        if (phase == Phase.Announced)
        {
            StartAnnouncing(now);
        }
    }

    public long Tick(long now, IReadOnlyList<LocalInterface> interfaces, List<Outgoing> output)
    {
        if (node is null)
        {
            return long.MaxValue;
        }

        if (now >= nextAt)
        {
            if (phase == Phase.Probing)
            {
                if (step < Probes)
                {
                    output.Add(new Outgoing(ProbeMessage(), null));
                    step++;
                    nextAt = now + ProbeGapMs;
                }
                else
                {
                    logger.Announcing(label);
                    StartAnnouncing(now);
                }
            }

            if (phase == Phase.Announced && now >= nextAt)
            {
                if (step < Announcements)
                {
                    foreach (var nic in interfaces)
                    {
                        output.Add(new Outgoing(Response(Answer.Ptr | Answer.Srv | Answer.Txt | Answer.Addresses, nic, options.Ttl), nic));
                    }

                    step++;
                    nextAt = step < Announcements ? now + (AnnounceGapMs << (step - 1)) : long.MaxValue;
                }
            }
        }

        var next = nextAt;
        foreach (var (index, answer) in pending.ToList())
        {
            if (answer.Due > now)
            {
                next = Math.Min(next, answer.Due);
                continue;
            }

            pending.Remove(index);
            var nic = interfaces.FirstOrDefault(n => n.Index == index);
            if (nic is not null && IsUp)
            {
                output.Add(new Outgoing(Response(answer.What, nic, options.Ttl), nic));
            }
        }

        return next;
    }

    /// <summary>Answers what a query asks about us; records a simultaneous probe for our name.</summary>
    public void OnQuery(Message query, IPEndPoint source, LocalInterface nic, long now, List<Outgoing> output)
    {
        if (node is null)
        {
            return;
        }

        if (phase == Phase.Probing)
        {
            LoseTieBreakIfNeeded(query, now);
            return;
        }

        if (!IsUp)
        {
            return;
        }

        var what = Answer.None;
        foreach (var question in query.Questions)
        {
            var type = question.Type;
            if (question.Name.Equals(ServiceNames.ServiceType) && type is DnsType.PTR or DnsType.ANY && !KnownAnswerSuppresses(query))
            {
                what |= Answer.Ptr | Answer.Srv | Answer.Txt | Answer.Addresses;
            }
            else if (question.Name.Equals(ServiceNames.ServiceEnumeration) && type is DnsType.PTR or DnsType.ANY)
            {
                what |= Answer.Enumeration;
            }
            else if (question.Name.Equals(instance))
            {
                what |= type switch
                {
                    DnsType.SRV => Answer.Srv | Answer.Addresses,
                    DnsType.TXT => Answer.Txt,
                    DnsType.ANY => Answer.Srv | Answer.Txt | Answer.Addresses,
                    _ => Answer.None,
                };
            }
            else if (question.Name.Equals(host) && type is DnsType.A or DnsType.AAAA or DnsType.ANY)
            {
                what |= Answer.Addresses;
            }
        }

        if (what == Answer.None)
        {
            return;
        }

        if (source.Port != options.Port)
        {
            // A one-shot querier (RFC 6762 §6.7): answer it directly, echoing its id and question, with short TTLs.
            var response = Response(what, nic, TimeSpan.FromSeconds(Math.Min(10, options.TtlSeconds)), legacy: true);
            response.Id = query.Id;
            response.Questions.AddRange(query.Questions);
            output.Add(new Outgoing(response, nic, source));
            return;
        }

        // Shared records (PTR) wait 20–120 ms so a LAN's answers spread (§6); unique ones go at once.
        var shared = (what & (Answer.Ptr | Answer.Enumeration)) != 0;
        var due = now + (shared ? Random.Shared.Next(20, 120) : 0);
        pending[nic.Index] = pending.TryGetValue(nic.Index, out var existing)
            ? new PendingAnswer(Math.Min(existing.Due, due), existing.What | what)
            : new PendingAnswer(due, what);
    }

    /// <summary>Looks for another host claiming our instance name.</summary>
    public void OnResponse(Message response, long now)
    {
        if (node is null || phase == Phase.Idle)
        {
            return;
        }

        NodeId? theirId = null;
        var conflict = false;
        foreach (var record in response.Answers.Concat(response.AdditionalRecords))
        {
            if (!record.Name.Equals(instance) || record.TTL == TimeSpan.Zero)
            {
                continue;
            }

            if (record is SRVRecord srv && (!srv.Target.Equals(host) || srv.Port != Port))
            {
                conflict = true;
            }
            else if (record is TXTRecord txt)
            {
                var id = TxtProperties.IdFrom(TxtProperties.Parse(txt.Strings), instance.ToString());
                if (id != node.Id)
                {
                    conflict = true;
                    theirId = id;
                }
            }
        }

        if (!conflict)
        {
            return;
        }

        // Once announced, two ShareKit nodes settle it by id (the lower keeps the name); anyone else keeps theirs.
        if (phase == Phase.Announced && theirId is { } other && string.CompareOrdinal(node.Id.Value, other.Value) < 0)
        {
            return;
        }

        var renamed = ServiceNames.NextName(label);
        logger.Renamed(label, renamed);
        SetLabel(renamed);
        StartProbing(now);
    }

    /// <summary>TTL 0 for everything we announced, on every interface (RFC 6762 §10.1).</summary>
    public void Goodbye(IReadOnlyList<LocalInterface> interfaces, List<Outgoing> output)
    {
        if (!IsUp)
        {
            return;
        }

        foreach (var nic in interfaces)
        {
            output.Add(new Outgoing(Response(Answer.Ptr | Answer.Srv | Answer.Txt | Answer.Addresses, nic, TimeSpan.Zero), nic));
        }

        phase = Phase.Idle;
    }

    private int Port => node!.Endpoints.FirstOrDefault(e => e.IsNetwork)?.Port ?? 0;

    private void SetLabel(string newLabel)
    {
        label = newLabel;
        instance = ServiceNames.Instance(newLabel);
    }

    private void StartProbing(long at)
    {
        phase = Phase.Probing;
        step = 0;
        nextAt = at;
        pending.Clear();
    }

    private void StartAnnouncing(long now)
    {
        phase = Phase.Announced;
        step = 0;
        nextAt = now;
    }

    private void LoseTieBreakIfNeeded(Message query, long now)
    {
        // Simultaneous probes (RFC 6762 §8.2): the host whose proposed data sorts lower waits a second and probes again.
        foreach (var record in query.AuthorityRecords)
        {
            if (record is SRVRecord srv && srv.Name.Equals(instance) && !srv.Target.Equals(host)
                && string.CompareOrdinal(host.ToString(), srv.Target.ToString()) < 0)
            {
                StartProbing(now + 1000);
                return;
            }
        }
    }

    private bool KnownAnswerSuppresses(Message query)
    {
        foreach (var known in query.Answers)
        {
            if (known is PTRRecord ptr && ptr.Name.Equals(ServiceNames.ServiceType) && ptr.DomainName.Equals(instance)
                && known.TTL >= options.Ttl / 2)
            {
                return true;
            }
        }

        return false;
    }

    private Message ProbeMessage()
    {
        var probe = new Message();
        probe.Questions.Add(new Question { Name = instance, Type = DnsType.ANY, Class = (DnsClass)((ushort)DnsClass.IN | ServiceNames.TopBit) });
        probe.AuthorityRecords.Add(Srv(options.Ttl, flush: false));
        probe.AuthorityRecords.Add(Txt(options.Ttl, flush: false));
        return probe;
    }

    private Message Response(Answer what, LocalInterface nic, TimeSpan ttl, bool legacy = false)
    {
        var response = new Message { QR = true, AA = true };
        var flush = !legacy;
        if ((what & Answer.Enumeration) != 0)
        {
            response.Answers.Add(new PTRRecord { Name = ServiceNames.ServiceEnumeration, DomainName = ServiceNames.ServiceType, TTL = ttl });
        }

        var answered = what & (Answer.Ptr | Answer.Srv | Answer.Txt);
        if ((answered & Answer.Ptr) != 0)
        {
            response.Answers.Add(new PTRRecord { Name = ServiceNames.ServiceType, DomainName = instance, TTL = ttl });
        }

        // Behind a PTR answer, SRV/TXT/addresses are additional records (RFC 6763 §12.1); asked for directly, they are answers.
        var srvTxtSection = (answered & Answer.Ptr) != 0 ? response.AdditionalRecords : response.Answers;
        if ((what & Answer.Srv) != 0)
        {
            srvTxtSection.Add(Srv(ttl, flush));
        }

        if ((what & Answer.Txt) != 0)
        {
            srvTxtSection.Add(Txt(ttl, flush));
        }

        if ((what & Answer.Addresses) != 0)
        {
            var addressSection = answered == Answer.None ? response.Answers : response.AdditionalRecords;
            var addressClass = Class(flush);
            if (nic.Ipv4 is not null)
            {
                addressSection.Add(new ARecord { Name = host, Address = nic.Ipv4, TTL = ttl, Class = addressClass });
            }

            if (nic.Ipv6 is not null)
            {
                addressSection.Add(new AAAARecord { Name = host, Address = new IPAddress(nic.Ipv6.GetAddressBytes()), TTL = ttl, Class = addressClass });
            }
        }

        return response;
    }

    private SRVRecord Srv(TimeSpan ttl, bool flush) =>
        new() { Name = instance, Target = host, Port = (ushort)Port, Priority = 0, Weight = 0, TTL = ttl, Class = Class(flush) };

    private TXTRecord Txt(TimeSpan ttl, bool flush) =>
        new() { Name = instance, Strings = TxtProperties.For(node!), TTL = ttl, Class = Class(flush) };

    private static DnsClass Class(bool flush) => flush ? (DnsClass)((ushort)DnsClass.IN | ServiceNames.TopBit) : DnsClass.IN;

    private readonly record struct PendingAnswer(long Due, Answer What);
}
