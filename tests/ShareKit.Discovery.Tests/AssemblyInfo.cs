// Namespace labs start several .NET processes each; on a small shared machine, one lab at a time keeps timings honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
