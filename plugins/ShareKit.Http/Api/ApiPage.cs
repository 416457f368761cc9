namespace ShareKit.Http.Api;

/// <summary>A page of a listing or search in the JSON API.</summary>
/// <param name="Total">Entries across all pages.</param>
/// <param name="Offset">Entries skipped before this page.</param>
/// <param name="Limit">The most entries a page holds.</param>
/// <param name="Entries">This page's entries.</param>
internal sealed record ApiPage(int Total, int Offset, int Limit, IReadOnlyList<ApiEntry> Entries);
