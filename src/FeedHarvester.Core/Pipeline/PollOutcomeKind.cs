namespace FeedHarvester.Pipeline;

/// <summary>How a poll ended, before any text is made of it (see <see cref="PollOutcome.Code"/>).</summary>
public enum PollOutcomeKind
{
    /// <summary>The feed was fetched and parsed, and its new entries harvested.</summary>
    Ok,

    /// <summary>304: nothing changed since the validators sent.</summary>
    NotModified,

    /// <summary>The feed arrived but could not be read as a feed.</summary>
    Malformed,

    /// <summary>Another worker held the feed's poll lease, or had just polled it; this worker left the poll to it.</summary>
    Leased,

    /// <summary>The feed answered 410 Gone before; it is not polled any more.</summary>
    Gone,

    /// <summary>A fault of ours (store unreachable, a bug): logged with its exception; the feed is retried.</summary>
    Error,

    /// <summary>The fetch failed; <see cref="PollOutcome.FetchFailure"/> says how.</summary>
    FetchFailed,
}
