namespace ShareKit.Security.Tests.Layer;

/// <summary>Allocation is counted process-wide, so these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(RecordAllocationTests), DisableParallelization = true)]
public sealed class RecordAllocationCollection;
