namespace FeedHarvester.Fetching;

/// <summary>One host's in-flight slots and the earliest time its next request may start.</summary>
internal sealed class HostGate(int maxInFlight)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public SemaphoreSlim Slots { get; } = new(maxInFlight, maxInFlight);

    /// <summary>
    /// Books the next start time and returns how long to wait for it. Booking before waiting keeps two
    /// waiters from taking the same turn; a cancelled waiter's turn is simply skipped, which only errs on the polite side.
    /// </summary>
    public TimeSpan ReserveStart(DateTimeOffset now, TimeSpan minDelay)
    {
        if (minDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            var start = _nextStart > now ? _nextStart : now;
            _nextStart = start + minDelay;
            return start - now;
        }
    }
}
