namespace ShareKit.Storage.S3.Tests;

/// <summary>Every test class that needs the object store shares one Ceph RGW, started once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class RgwCollection : ICollectionFixture<RgwFixture>
{
    public const string Name = "ceph-rgw";
}
