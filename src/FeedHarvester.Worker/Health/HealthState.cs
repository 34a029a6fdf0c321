using FeedHarvester.Emitting;

namespace FeedHarvester.Worker.Health;

/// <summary>What readiness is judged on: the scheduler running, the store reachable, the sink writing, polls succeeding.</summary>
/// <param name="sinkFailure">Why the sink cannot write right now (see <see cref="EmitPump.Failure"/>), or null while it can.</param>
internal sealed class HealthState(TimeProvider timeProvider, Func<bool> storeReachable, Func<EmitFailure?>? sinkFailure = null)
{
    private long _lastSuccessTicks;
    private long _startedTicks;
    private volatile string? _configurationProblem;

    public bool SchedulerRunning => Interlocked.Read(ref _startedTicks) != 0;

    public bool StoreReachable => storeReachable();

    /// <summary>Why claimed articles cannot be written out now (a full output disk), or null while they can.</summary>
    public EmitFailure? SinkFailure => sinkFailure?.Invoke();

    public DateTimeOffset? LastSuccessfulPoll =>
        Interlocked.Read(ref _lastSuccessTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public DateTimeOffset? StartedAt =>
        Interlocked.Read(ref _startedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// Why the configuration on disk cannot be used (the running one is kept), or null while it can. The next start would
    /// refuse it, so readiness says so before a restart turns the edit into an outage.
    /// </summary>
    public string? ConfigurationProblem
    {
        get => _configurationProblem;
        set => _configurationProblem = value;
    }

    public void SchedulerStarted() => Interlocked.Exchange(ref _startedTicks, timeProvider.GetUtcNow().UtcTicks);

    public void PollSucceeded() => Interlocked.Exchange(ref _lastSuccessTicks, timeProvider.GetUtcNow().UtcTicks);

    /// <summary>Why the worker is not ready, or an empty list when it is.</summary>
    public IReadOnlyList<string> NotReadyBecause(TimeSpan recentPoll)
    {
        var reasons = new List<string>();
        var now = timeProvider.GetUtcNow();
        if (!SchedulerRunning)
        {
            reasons.Add("scheduler not started");
        }

        if (!StoreReachable)
        {
            reasons.Add("store unreachable");
        }

        // Claims go on being queued durably, but nothing reaches the consumers: not ready, so an orchestrator says so.
        if (SinkFailure is { } failure)
        {
            reasons.Add($"sink cannot write ({failure.Kind}): {failure.Reason}");
        }

        if (ConfigurationProblem is { } configuration)
        {
            reasons.Add($"the configuration on disk is invalid, the running one is kept, a restart would refuse it: {configuration}");
        }

        // A worker just started has had no chance to poll yet; after that, some poll must have succeeded lately.
        var since = LastSuccessfulPoll ?? StartedAt;
        if (since is { } reference && now - reference > recentPoll)
        {
            reasons.Add($"no successful poll since {reference:u}");
        }

        return reasons;
    }
}
