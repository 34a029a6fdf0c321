namespace FeedHarvester.Pipeline;

/// <summary>Why a poll failed: its outcome, the message logged and stored with it, and the wait the server asked for.</summary>
public sealed record PollFailure(PollOutcome Outcome, string? Message, TimeSpan? RetryAfter = null);
