using System.Globalization;
using Microsoft.Extensions.Configuration;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Trust;

namespace ShareKit.Security.Encrypted;

/// <summary>Settings of the <c>encrypted</c> layer (<c>plugins:ShareKit.Security.Encrypted:settings</c>).</summary>
public sealed class EncryptedLayerOptions
{
    /// <summary>How long the whole handshake may take (<c>handshakeTimeoutSeconds</c>, default 10).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How unknown peers are treated (<c>trust</c>: <c>tofu</c>, the default, or <c>pinned-only</c>).</summary>
    public TrustMode Trust { get; init; } = TrustMode.Tofu;

    /// <summary>
    /// Records per direction between two Noise rekeys (<c>rekeyAfterRecords</c>, default 2^20, i.e. at most 64 GiB
    /// under one key). Far below any AES-GCM limit; it bounds what one leaked key would expose.
    /// </summary>
    public long RekeyAfterRecords { get; init; } = 1L << 20;

    /// <summary>Reads the options from a settings section.</summary>
    /// <exception cref="ConfigurationException">A value is not allowed; the exception names its path.</exception>
    public static EncryptedLayerOptions FromSettings(IConfiguration settings, string settingsPath)
    {
        var defaults = new EncryptedLayerOptions();
        var handshakeTimeout = defaults.HandshakeTimeout;
        var trustMode = defaults.Trust;
        var rekeyAfterRecords = defaults.RekeyAfterRecords;
        if (settings["handshakeTimeoutSeconds"] is { } timeout)
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 600)
            {
                throw new ConfigurationException($"{settingsPath}:handshakeTimeoutSeconds", $"'{timeout}' is not allowed: a number of seconds above 0, at most 600.");
            }

            handshakeTimeout = TimeSpan.FromSeconds(seconds);
        }

        if (settings["trust"] is { } trust)
        {
            trustMode = trust.ToLowerInvariant() switch
            {
                "tofu" => TrustMode.Tofu,
                "pinned-only" => TrustMode.PinnedOnly,
                _ => throw new ConfigurationException($"{settingsPath}:trust", $"'{trust}' is not allowed: 'tofu' or 'pinned-only'."),
            };
        }

        if (settings["rekeyAfterRecords"] is { } rekey)
        {
            if (!long.TryParse(rekey, NumberStyles.None, CultureInfo.InvariantCulture, out rekeyAfterRecords) || rekeyAfterRecords < 1 || rekeyAfterRecords > (1L << 32))
            {
                throw new ConfigurationException($"{settingsPath}:rekeyAfterRecords", $"'{rekey}' is not allowed: a whole number from 1 to 4294967296.");
            }
        }

        return new EncryptedLayerOptions { HandshakeTimeout = handshakeTimeout, Trust = trustMode, RekeyAfterRecords = rekeyAfterRecords };
    }
}
