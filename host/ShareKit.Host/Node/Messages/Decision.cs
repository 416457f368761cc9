namespace ShareKit.Host.Node.Messages;

/// <summary>Receiver → sender: whether the offer is accepted, and from where each item continues.</summary>
/// <param name="TransferId">The offer's transfer id.</param>
/// <param name="Accepted">False declines the whole offer; <paramref name="Reason"/> says why.</param>
/// <param name="Reason">Why the offer was declined (null when accepted).</param>
/// <param name="Refused">Indexes of files the sender must not send (their ItemResult says why).</param>
/// <param name="Resume">Items that continue from a non-zero offset; every other accepted file starts at 0.</param>
/// <param name="MaxLanes">How many data lanes (channels plus data connections) the sender may open.</param>
/// <param name="DataToken">Base64 secret that authenticates data connections for this transfer; null if the receiver takes none.</param>
public sealed record Decision(
    string TransferId,
    bool Accepted,
    IReadOnlyList<int> Refused,
    IReadOnlyList<ResumePoint> Resume,
    int MaxLanes,
    string? Reason = null,
    string? DataToken = null) : Message;
