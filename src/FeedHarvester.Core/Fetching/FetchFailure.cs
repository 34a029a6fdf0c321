namespace FeedHarvester.Fetching;

/// <summary>Why a fetch gave no content: the stable kind, the "fetch: …" message, and the wait the server asked for, if any.</summary>
public sealed record FetchFailure(FetchFailureKind Kind, string Message, TimeSpan? RetryAfter);
