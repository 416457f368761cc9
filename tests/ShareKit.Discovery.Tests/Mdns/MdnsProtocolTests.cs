using System.Net;
using Makaretu.Dns;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Discovery.Mdns;
using ShareKit.Discovery.Probe;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Tests.Mdns;

/// <summary>The responder, the codec and the browser wired together without sockets: what one node sends, another resolves.</summary>
public sealed class MdnsProtocolTests
{
    private static readonly LocalInterface Lan = new(7, "eth0", false, IPAddress.Parse("198.18.1.5"), IPAddress.Parse("fe80::5"), true);

    private static readonly NodeAnnouncement Alpha = new(
        NodeId.Parse("0123456789abcdef0123456789abcdef"),
        "Ada’s laptop",
        [Endpoint.Parse("tcp://0.0.0.0:53531")],
        ["receive", "library"],
        "K7QF-2M4X",
        1);

    [Fact]
    public void An_announced_node_is_resolved_by_a_browser_with_the_interface_addresses()
    {
        var announcement = AnnouncementBytes(Alpha);
        var (browser, board) = NewBrowser();
        var sightings = board.Subscribe();

        Assert.True(MdnsMessageCodec.TryRead(announcement, out var message, out var error), error);
        browser.OnResponse(message, Lan, 10_000);

        Assert.True(sightings.TryRead(out var sighting));
        Assert.Equal(SightingKind.Appeared, sighting.Kind);
        Assert.Equal(Alpha.Id, sighting.Node.Id);
        Assert.Equal("Ada’s laptop", sighting.Node.Name);
        Assert.Equal(["receive", "library"], sighting.Node.Capabilities);
        Assert.Equal("K7QF-2M4X", sighting.Node.Fingerprint);
        Assert.Equal(1, sighting.Node.ProtocolVersion);
        Assert.Equal([Endpoint.Parse("tcp://198.18.1.5:53531"), Endpoint.Parse("tcp://[fe80::5%7]:53531")], sighting.Node.Endpoints);
    }

    [Fact]
    public void A_bare_ptr_makes_the_browser_ask_for_the_rest_and_resolve_when_it_comes()
    {
        Assert.True(MdnsMessageCodec.TryRead(AnnouncementBytes(Alpha), out var full, out _));
        var (browser, board) = NewBrowser();
        var sightings = board.Subscribe();
        var ptrOnly = new Message { QR = true, AA = true };
        ptrOnly.Answers.AddRange(full.Answers.OfType<PTRRecord>());
        browser.OnResponse(ptrOnly, Lan, 1_000);
        Assert.False(sightings.TryRead(out _));
        Assert.True(browser.HasQuestions);

        var output = new List<Outgoing>();
        browser.Tick(1_000, [Lan], output);
        var questions = Assert.Single(output).Message.Questions;
        Assert.Contains(questions, q => q.Type == DnsType.SRV);
        Assert.Contains(questions, q => q.Type == DnsType.TXT);

        var rest = new Message { QR = true, AA = true };
        rest.Answers.AddRange(full.AdditionalRecords);
        browser.OnResponse(rest, Lan, 1_050);
        Assert.True(sightings.TryRead(out var sighting));
        Assert.Equal(SightingKind.Appeared, sighting.Kind);
        Assert.Equal(Alpha.Id, sighting.Node.Id);
    }

    [Fact]
    public void A_goodbye_makes_the_node_vanish_and_silence_makes_it_expire()
    {
        var (browser, board) = NewBrowser();
        var sightings = board.Subscribe();
        Assert.True(MdnsMessageCodec.TryRead(AnnouncementBytes(Alpha), out var hello, out _));
        browser.OnResponse(hello, Lan, 10_000);
        Assert.True(sightings.TryRead(out _));

        var responder = AnnouncedResponder(Alpha, out _);
        var output = new List<Outgoing>();
        responder.Goodbye([Lan], output);
        Assert.True(MdnsMessageCodec.TryRead(MdnsMessageCodec.Write(Assert.Single(output).Message, out _)!, out var goodbye, out _));
        Assert.All(goodbye.Answers.Concat(goodbye.AdditionalRecords), r => Assert.Equal(TimeSpan.Zero, r.TTL));
        browser.OnResponse(goodbye, Lan, 10_500);
        Assert.True(sightings.TryRead(out var vanished));
        Assert.Equal(SightingKind.Vanished, vanished.Kind);

        browser.OnResponse(hello, Lan, 20_000);
        Assert.True(sightings.TryRead(out var again));
        Assert.Equal(SightingKind.Appeared, again.Kind);
        browser.Tick(20_000 + 120_001, [Lan], []);
        Assert.True(sightings.TryRead(out var expired));
        Assert.Equal(SightingKind.Vanished, expired.Kind);
    }

    [Fact]
    public void A_responder_probes_three_times_before_it_announces()
    {
        var responder = new MdnsResponder(new MdnsOptions(), NullLogger.Instance);
        responder.Start(Alpha, 0);
        var sent = new List<Outgoing>();
        for (var now = 0L; now < 5_000; now += 10)
        {
            responder.Tick(now, [Lan], sent);
        }

        var probes = sent.TakeWhile(o => !o.Message.QR).ToList();
        Assert.Equal(3, probes.Count);
        Assert.All(probes, p => Assert.Equal(DnsType.ANY, Assert.Single(p.Message.Questions).Type));
        Assert.Equal(2, sent.Count(o => o.Message.QR));
    }

    [Fact]
    public void A_conflicting_answer_while_probing_renames_the_instance()
    {
        var responder = new MdnsResponder(new MdnsOptions(), NullLogger.Instance);
        responder.Start(Alpha with { Name = "twin" }, 0);
        responder.Tick(300, [Lan], []);
        var other = AnnouncementBytes(Alpha with { Id = NodeId.NewRandom(), Name = "twin" });
        Assert.True(MdnsMessageCodec.TryRead(other, out var message, out _));
        responder.OnResponse(message, 400);
        Assert.Equal("twin (2)", responder.Label);
    }

    [Fact]
    public void A_query_for_the_service_type_is_answered_on_the_interface_it_came_from()
    {
        var responder = AnnouncedResponder(Alpha, out _);
        var query = new Message();
        query.Questions.Add(new Question { Name = "_sharekit._tcp.local", Type = DnsType.PTR, Class = DnsClass.IN });
        var output = new List<Outgoing>();
        responder.OnQuery(query, new IPEndPoint(IPAddress.Parse("198.18.1.9"), 5353), Lan, 50_000, output);
        responder.Tick(50_200, [Lan], output);

        var answer = Assert.Single(output);
        Assert.Equal(Lan, answer.Interface);
        Assert.Contains(answer.Message.Answers, r => r is PTRRecord);
        Assert.Contains(answer.Message.AdditionalRecords, r => r is ARecord a && a.Address.Equals(Lan.Ipv4));
    }

    [Fact]
    public void Every_truncation_of_an_announcement_is_refused_or_harmless()
    {
        var bytes = AnnouncementBytes(Alpha);
        var (browser, board) = NewBrowser();
        var sightings = board.Subscribe();
        for (var length = 0; length < bytes.Length; length++)
        {
            if (MdnsMessageCodec.TryRead(bytes.AsSpan(0, length), out var message, out _))
            {
                browser.OnResponse(message, Lan, 1000);
            }
        }

        // A cut message may carry a few whole records, but never a fully resolved node.
        Assert.False(sightings.TryRead(out _));
    }

    [Fact]
    public void Oversized_and_non_standard_messages_are_refused()
    {
        Assert.False(MdnsMessageCodec.TryRead(new byte[MdnsMessageCodec.MaxMessageBytes + 1], out _, out var error));
        Assert.Contains("oversized", error, StringComparison.Ordinal);

        var update = AnnouncementBytes(Alpha);
        update[2] = (byte)((update[2] & 0x87) | (5 << 3));
        Assert.False(MdnsMessageCodec.TryRead(update, out _, out error));
        Assert.Contains("standard", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_and_the_flood_corpus_never_throw_nor_produce_a_node()
    {
        var (browser, board) = NewBrowser();
        var sightings = board.Subscribe();
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var datagram = i % 2 == 0 ? MalformedCorpus.MdnsPacket(i, random) : RandomBytes(random);
            if (MdnsMessageCodec.TryRead(datagram, out var message, out _) && message.QR)
            {
                browser.OnResponse(message, Lan, 1000 + i);
            }
        }

        Assert.False(sightings.TryRead(out _));
    }

    [Theory]
    [InlineData("twin", "twin (2)")]
    [InlineData("twin (2)", "twin (3)")]
    [InlineData("a (b)", "a (b) (2)")]
    public void Conflict_names_count_up(string name, string next) => Assert.Equal(next, ServiceNames.NextName(name));

    [Fact]
    public void Txt_properties_round_trip_and_only_the_first_key_counts()
    {
        var strings = TxtProperties.For(Alpha);
        Assert.Equal(["id=0123456789abcdef0123456789abcdef", "v=1", "caps=receive,library", "fp=K7QF-2M4X"], strings);
        var parsed = TxtProperties.Parse([.. strings, "id=ffffffffffffffffffffffffffffffff"]);
        Assert.Equal(Alpha.Id, TxtProperties.IdFrom(parsed, "x"));
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 1500)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static (MdnsBrowser Browser, NodeBoard Board) NewBrowser()
    {
        var board = new NodeBoard("mdns");
        return (new MdnsBrowser(board, NodeId.NewRandom()), board);
    }

    private static MdnsResponder AnnouncedResponder(NodeAnnouncement node, out List<Outgoing> sent)
    {
        var responder = new MdnsResponder(new MdnsOptions(), NullLogger.Instance);
        responder.Start(node, 0);
        sent = [];
        for (var now = 0L; now < 5_000; now += 10)
        {
            responder.Tick(now, [Lan], sent);
        }

        return responder;
    }

    private static byte[] AnnouncementBytes(NodeAnnouncement node)
    {
        AnnouncedResponder(node, out var sent);
        return MdnsMessageCodec.Write(sent.First(o => o.Message.QR).Message, out _)!;
    }
}
