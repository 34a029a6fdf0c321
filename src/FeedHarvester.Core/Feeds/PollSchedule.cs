namespace FeedHarvester.Feeds;

/// <summary>
/// Decides when a feed is polled next: its interval with random jitter after a success,
/// exponential back-off with jitter (capped) after failures, and never sooner than a Retry-After.
/// </summary>
public sealed class PollSchedule(SchedulingOptions options, Func<double> random)
{
    public PollSchedule(SchedulingOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    public TimeSpan IntervalOf(FeedDefinition feed) => feed.Interval ?? options.DefaultInterval;

    /// <summary>The next poll after a successful (or not-modified) poll at <paramref name="now"/>.</summary>
    public DateTimeOffset NextAfterSuccess(FeedDefinition feed, DateTimeOffset now) =>
        now + Jittered(IntervalOf(feed));

    /// <summary>The next poll after the <paramref name="consecutiveErrors"/>-th failure in a row.</summary>
    public DateTimeOffset NextAfterFailure(FeedDefinition feed, DateTimeOffset now, int consecutiveErrors, TimeSpan? retryAfter)
    {
        var interval = IntervalOf(feed);
        var exponent = Math.Clamp(consecutiveErrors - 1, 0, 20);
        var backoff = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * Math.Pow(2, exponent), options.MaxBackoff.Ticks));
        if (backoff < interval)
        {
            backoff = interval;
        }

        var wait = Jittered(backoff);
        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked;
        }

        return now + wait;
    }

    /// <summary>The first poll after start-up: somewhere in the first stretch of the interval, so feeds do not all fire at once.</summary>
    public DateTimeOffset FirstPoll(FeedDefinition feed, DateTimeOffset now, TimeSpan spread) =>
        now + TimeSpan.FromTicks((long)(Math.Min(spread.Ticks, IntervalOf(feed).Ticks) * random()));

    private TimeSpan Jittered(TimeSpan interval)
    {
        var factor = 1 + (options.JitterFraction * ((2 * random()) - 1));
        return TimeSpan.FromTicks((long)(interval.Ticks * factor));
    }
}
