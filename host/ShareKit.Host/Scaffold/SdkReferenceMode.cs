namespace ShareKit.Host.Scaffold;

/// <summary>How a generated plugin references the SDK.</summary>
internal enum SdkReferenceMode
{
    /// <summary>A ProjectReference to <c>sdk/ShareKit.Sdk</c> of a ShareKit checkout.</summary>
    Project,

    /// <summary>A PackageReference to the <c>ShareKit.Sdk</c> NuGet package.</summary>
    Package,
}
