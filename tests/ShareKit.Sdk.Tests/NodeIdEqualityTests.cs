using ShareKit.Sdk;

namespace ShareKit.Sdk.Tests;

public sealed class NodeIdEqualityTests
{
    [Fact]
    public void The_default_id_equals_the_all_zero_id_and_hashes_alike()
    {
        var zero = NodeId.Parse(new string('0', 32));

        Assert.Equal(default, zero);
        Assert.Equal(default(NodeId).GetHashCode(), zero.GetHashCode());
    }

    [Fact]
    public void Ids_differing_only_in_case_are_equal()
    {
        Assert.Equal(NodeId.Parse("ABCDEF0123456789ABCDEF0123456789"), NodeId.Parse("abcdef0123456789abcdef0123456789"));
    }
}
