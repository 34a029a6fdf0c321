namespace FeedHarvester.Feeds;

/// <summary>
/// Decides when a feed is polled next: after a success its interval (pinned, or adaptive to the feed's rhythm and
/// the publisher's hints) with random jitter; after failures exponential back-off with jitter to a cap; never
/// sooner than a Retry-After.
/// </summary>
public sealed class PollSchedule(SchedulingOptions options, Func<double> random)
{
    public PollSchedule(SchedulingOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    /// <summary>
    /// The longest Retry-After the fetcher honours (<c>Fetching:MaxRetryAfter</c>), so that <see cref="LongestWait"/> keeps it.
    /// The default value is 6 hours, the fetcher's default.
    /// </summary>
    public TimeSpan LongestRetryAfter { get; init; } = TimeSpan.FromHours(6);

    public TimeSpan IntervalOf(FeedDefinition feed) => feed.Interval ?? options.DefaultInterval;

    /// <summary>
    /// The furthest ahead this schedule ever puts <paramref name="feed"/>'s next poll: the longest of <c>MaxBackoff</c>, the
    /// feed's interval (the adaptive <c>MaxInterval</c> when it has none) and the longest Retry-After, plus the jitter.
    /// </summary>
    public TimeSpan LongestWait(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var longest = Longer(options.MaxBackoff, IntervalOf(feed));
        if (feed.Interval is null && options.Adaptive)
        {
            longest = Longer(longest, options.MaxInterval);
        }

        longest = Longer(longest, LongestRetryAfter);
        return TimeSpan.FromTicks((long)(longest.Ticks * (1 + options.JitterFraction)));
    }

    /// <summary>A next poll no further ahead than <see cref="LongestWait"/> from <paramref name="now"/>.</summary>
    public DateTimeOffset Cap(FeedDefinition feed, DateTimeOffset next, DateTimeOffset now)
    {
        var latest = now + LongestWait(feed);
        return next > latest ? latest : next;
    }

    /// <summary>
    /// Whether a stored (or scheduled) next poll could have been chosen by this schedule at <paramref name="now"/>. One
    /// further ahead than <see cref="LongestWait"/> was chosen by a clock that has since gone back (or by another worker's
    /// clock that is ahead): followed, it would park the feed for as long as that clock was wrong.
    /// </summary>
    public bool IsWithinLongestWait(FeedDefinition feed, DateTimeOffset next, DateTimeOffset now) => next <= now + LongestWait(feed);

    /// <summary>
    /// The interval a successful poll chooses, before jitter: the feed's own Interval when set; otherwise, when
    /// adaptive, the rhythm window divided by the entries published in it (none → the longest interval), raised to
    /// the publisher's hint and clamped to [MinInterval, MaxInterval]; otherwise the default interval.
    /// </summary>
    public TimeSpan ChooseInterval(FeedDefinition feed, FeedRhythm rhythm, DateTimeOffset now)
    {
        if (feed.Interval is { } pinned)
        {
            return pinned;
        }

        if (!options.Adaptive)
        {
            return options.DefaultInterval;
        }

        var since = now - options.RhythmWindow;
        var recent = rhythm.EntryDates.Count(date => date > since && date <= now);
        return RaiseToHint(recent == 0 ? options.MaxInterval : options.RhythmWindow / recent, rhythm.PublisherHint);
    }

    /// <summary>An adaptive interval raised to the publisher's "not sooner than", clamped to [MinInterval, MaxInterval].</summary>
    public TimeSpan RaiseToHint(TimeSpan interval, TimeSpan? hint)
    {
        if (hint is { } value && value > interval)
        {
            interval = value;
        }

        return interval < options.MinInterval ? options.MinInterval : interval > options.MaxInterval ? options.MaxInterval : interval;
    }

    /// <summary>The next poll after a successful (or not-modified) poll at <paramref name="now"/>, with jitter.</summary>
    public DateTimeOffset NextAfterSuccess(TimeSpan interval, DateTimeOffset now) => now + Jittered(interval);

    /// <summary>The next poll after the <paramref name="consecutiveErrors"/>-th failure in a row.</summary>
    public DateTimeOffset NextAfterFailure(FeedDefinition feed, DateTimeOffset now, int consecutiveErrors, TimeSpan? retryAfter)
    {
        var interval = IntervalOf(feed);
        if (interval > options.MaxBackoff)
        {
            interval = options.MaxBackoff;
        }

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

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private TimeSpan Jittered(TimeSpan interval)
    {
        var factor = 1 + (options.JitterFraction * ((2 * random()) - 1));
        return TimeSpan.FromTicks((long)(interval.Ticks * factor));
    }
}
