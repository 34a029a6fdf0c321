using FeedHarvester.Emitting;
using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Health;

/// <summary>What readiness is judged on: the scheduler running, the store reachable, the sink writing, the configuration on disk.</summary>
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

    /// <summary>
    /// Whether the worker can do its job: scheduler running, store reachable, sink writing, configuration valid, and no
    /// poll overdue. Feeds that fail are not judged here (they show in <c>status</c> and the metrics): a worker whose feeds
    /// all back off for hours, or are polled every few hours, is as ready as one polling every minute.
    /// </summary>
    /// <param name="overdue">Feeds whose poll should have started a grace period ago and has not (see <see cref="OverduePollCheck"/>).</param>
    /// <param name="schedulerProblem">Why the scheduler could not be asked (shut down), or null.</param>
    /// <param name="recentPollWindow">After this long without a successful poll a note says so; it never makes the worker unready.</param>
    public Readiness Judge(OverduePoll? overdue, string? schedulerProblem, TimeSpan recentPollWindow)
    {
        var reasons = new List<string>();
        if (!SchedulerRunning)
        {
            reasons.Add("scheduler not started");
        }
        else if (schedulerProblem is not null)
        {
            reasons.Add($"scheduler not running: {schedulerProblem}");
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

        if (overdue is { } late)
        {
            reasons.Add($"{late.FeedCount} feeds overdue: a poll due more than the grace period ago has not started (e.g. {late.FeedUrl}, due {Instant.Format(late.DueAt)})");
        }

        var notes = new List<string>();
        var since = LastSuccessfulPoll ?? StartedAt;
        if (since is { } reference && timeProvider.GetUtcNow() - reference > recentPollWindow)
        {
            notes.Add($"no successful poll since {Instant.Format(reference)}");
        }

        return new Readiness(reasons, notes);
    }
}
