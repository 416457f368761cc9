namespace ShareKit.Http.Api;

/// <summary>An error reply of the JSON API: a sentence saying what was wrong.</summary>
internal sealed record ApiError(string Error);
