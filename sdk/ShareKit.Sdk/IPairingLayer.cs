namespace ShareKit.Sdk;

/// <summary>
/// An optional capability of an authenticating layer: pairing by a short code typed on both sides, so first contact
/// needs no trust on first use (like magic-wormhole or croc).
/// </summary>
public interface IPairingLayer
{
    /// <summary>A fresh code to show to the person (e.g. <c>417-maple-orbit</c>).</summary>
    string NewPairingCode();

    /// <summary>The same layer for connections paired by <paramref name="code"/>; a wrong code fails both sides with "code did not match".</summary>
    IConnectionLayer WithPairingCode(string code);
}
