using System.Text.Json;
using ShareKit.Security.Encrypted.Noise;

namespace ShareKit.Security.Tests.Noise;

public sealed class NoiseVectorTests
{
    private static readonly string VectorFile = Path.Combine(AppContext.BaseDirectory, "Vectors", "noise-cacophony-subset.json");

    public static TheoryData<string> ProtocolNames()
    {
        var names = new TheoryData<string>();
        foreach (var vector in LoadVectors())
        {
            names.Add(vector.GetProperty("protocol_name").GetString()!);
        }

        return names;
    }

    [Fact]
    public void The_vector_file_holds_all_six_protocols()
    {
        Assert.Equal(6, LoadVectors().Count);
    }

    [Theory]
    [MemberData(nameof(ProtocolNames))]
    public void Every_ciphertext_and_the_handshake_hash_match_the_vector(string protocolName)
    {
        var vector = LoadVectors().Single(v => v.GetProperty("protocol_name").GetString() == protocolName);
        var protocol = NoiseProtocol.Parse(protocolName);

        using var initiatorStatic = OptionalKey(vector, "init_static");
        using var responderStatic = OptionalKey(vector, "resp_static");
        using var initiatorEphemeral = OptionalKey(vector, "init_ephemeral");
        using var responderEphemeral = OptionalKey(vector, "resp_ephemeral");
        using var initiator = new HandshakeState(
            protocol,
            initiator: true,
            Hex(vector, "init_prologue"),
            initiatorStatic,
            Hex(vector, "init_remote_static"),
            FirstPsk(vector, "init_psks"),
            initiatorEphemeral);
        using var responder = new HandshakeState(
            protocol,
            initiator: false,
            Hex(vector, "resp_prologue"),
            responderStatic,
            default,
            FirstPsk(vector, "resp_psks"),
            responderEphemeral);

        CipherState? initiatorSend = null, initiatorReceive = null, responderSend = null, responderReceive = null;
        var messages = vector.GetProperty("messages").EnumerateArray().ToList();
        Assert.NotEmpty(messages);
        for (var i = 0; i < messages.Count; i++)
        {
            var payload = Convert.FromHexString(messages[i].GetProperty("payload").GetString()!);
            var expected = Convert.FromHexString(messages[i].GetProperty("ciphertext").GetString()!);
            var fromInitiator = i % 2 == 0;
            var buffer = new byte[payload.Length + 200];
            var received = new byte[buffer.Length];
            int written, read;
            if (!initiator.IsCompleted)
            {
                var (writer, reader) = fromInitiator ? (initiator, responder) : (responder, initiator);
                written = writer.WriteMessage(payload, buffer);
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buffer, 0, written));
                read = reader.ReadMessage(buffer.AsSpan(0, written), received);
                if (initiator.IsCompleted)
                {
                    Assert.True(responder.IsCompleted);
                    Assert.Equal(
                        vector.GetProperty("handshake_hash").GetString(),
                        Convert.ToHexStringLower(initiator.HandshakeHash));
                    Assert.Equal(Convert.ToHexString(initiator.HandshakeHash), Convert.ToHexString(responder.HandshakeHash));
                    (initiatorSend, initiatorReceive) = initiator.Split();
                    (responderSend, responderReceive) = responder.Split();
                }
            }
            else
            {
                var (sender, receiver) = fromInitiator ? (initiatorSend!, responderReceive!) : (responderSend!, initiatorReceive!);
                written = sender.EncryptWithAd(default, payload, buffer);
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buffer, 0, written));
                Assert.True(receiver.TryDecryptWithAd(default, buffer.AsSpan(0, written), received, out read));
            }

            Assert.Equal(Convert.ToHexString(payload), Convert.ToHexString(received, 0, read));
        }

        Assert.True(initiator.IsCompleted);
        foreach (var state in new[] { initiatorSend, initiatorReceive, responderSend, responderReceive })
        {
            state?.Dispose();
        }
    }

    private static List<JsonElement> LoadVectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VectorFile));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone()).ToList();
    }

    private static byte[] Hex(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) ? Convert.FromHexString(value.GetString()!) : [];

    private static KeyPair? OptionalKey(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) ? new KeyPair(Convert.FromHexString(value.GetString()!)) : null;

    private static byte[] FirstPsk(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) ? Convert.FromHexString(value[0].GetString()!) : [];
}
