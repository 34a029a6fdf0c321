using FeedHarvester.Fetching;

namespace FeedHarvester.Pipeline;

/// <summary>
/// How one poll ended: a kind, and for a failed fetch the fetch failure kind. Decisions switch on the kinds;
/// <see cref="Code"/> is the one text form, for the feed state store, logs and metric tags.
/// </summary>
public sealed record PollOutcome
{
    private PollOutcome(PollOutcomeKind kind, FetchFailureKind? fetchFailure)
    {
        Kind = kind;
        FetchFailure = fetchFailure;
    }

    public static PollOutcome Ok { get; } = new(PollOutcomeKind.Ok, null);

    public static PollOutcome NotModified { get; } = new(PollOutcomeKind.NotModified, null);

    public static PollOutcome Malformed { get; } = new(PollOutcomeKind.Malformed, null);

    /// <inheritdoc cref="PollOutcomeKind.Leased"/>
    public static PollOutcome Leased { get; } = new(PollOutcomeKind.Leased, null);

    /// <inheritdoc cref="PollOutcomeKind.Gone"/>
    public static PollOutcome Gone { get; } = new(PollOutcomeKind.Gone, null);

    /// <inheritdoc cref="PollOutcomeKind.Error"/>
    public static PollOutcome Error { get; } = new(PollOutcomeKind.Error, null);

    public PollOutcomeKind Kind { get; }

    /// <summary>For <see cref="PollOutcomeKind.FetchFailed"/>, how the fetch failed; otherwise null.</summary>
    public FetchFailureKind? FetchFailure { get; }

    /// <summary>A poll that leaves the feed healthy: fetched, unchanged, or left to the worker holding it.</summary>
    public bool IsSuccess => Kind is PollOutcomeKind.Ok or PollOutcomeKind.NotModified or PollOutcomeKind.Leased;

    /// <summary>
    /// The stable code as stored (last_outcome), logged and tagged: the kind's name ("Ok", "Malformed"…), or for a
    /// failed fetch the fetch failure kind's name ("NotFound", "Timeout"…).
    /// </summary>
    public string Code => FetchFailure is { } failure ? failure.ToString() : Kind.ToString();

    public static PollOutcome FetchFailed(FetchFailureKind kind) => new(PollOutcomeKind.FetchFailed, kind);

    public override string ToString() => Code;
}
