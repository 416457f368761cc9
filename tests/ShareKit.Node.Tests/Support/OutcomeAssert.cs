using ShareKit.Host.Node;

namespace ShareKit.Node.Tests.Support;

internal static class OutcomeAssert
{
    /// <summary>Asserts the status, showing the outcome's reason when it differs.</summary>
    public static void Is(TransferStatus expected, TransferOutcome outcome) =>
        Assert.True(outcome.Status == expected, $"Expected {expected} but got {outcome.Status}: {outcome.Reason}");
}
