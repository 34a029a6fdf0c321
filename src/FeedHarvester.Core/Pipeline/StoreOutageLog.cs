using Microsoft.Extensions.Logging;

namespace FeedHarvester.Pipeline;

/// <summary>
/// Polls that cannot reach the store (Redis stopped, a database that cannot be written) are logged once when they start
/// failing and once when they run again; each feed's retry is a Debug line. Thirty feeds retrying every 30 s through a
/// minute's outage would otherwise be sixty warnings for one event.
/// </summary>
/// <param name="logsChanges">
/// False where the store reports its own changes of state (Redis mode: the connection monitor says when Redis goes and comes
/// back), so an outage is still one line each way.
/// </param>
public sealed class StoreOutageLog(ILogger logger, TimeProvider timeProvider, bool logsChanges = true)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _failingSince;
    private int _notRun;

    /// <summary>Whether polls are failing to reach the store now.</summary>
    public bool Failing
    {
        get
        {
            lock (_gate)
            {
                return _failingSince is not null;
            }
        }
    }

    /// <summary>A poll of <paramref name="feedUrl"/> could not run because the store failed with <paramref name="reason"/>.</summary>
    public void NotRun(string feedUrl, string reason)
    {
        Log.PollNotRun(logger, feedUrl, reason);
        lock (_gate)
        {
            _notRun++;
            if (_failingSince is not null)
            {
                return;
            }

            _failingSince = timeProvider.GetUtcNow();
        }

        if (logsChanges)
        {
            Log.PollsCannotRun(logger, reason, feedUrl);
        }
    }

    /// <summary>A poll got through the store (whatever the feed answered).</summary>
    public void Ran()
    {
        DateTimeOffset since;
        int notRun;
        lock (_gate)
        {
            if (_failingSince is not { } failing)
            {
                return;
            }

            since = failing;
            notRun = _notRun;
            _failingSince = null;
            _notRun = 0;
        }

        if (logsChanges)
        {
            Log.PollsRunAgain(logger, (timeProvider.GetUtcNow() - since).TotalSeconds, notRun);
        }
    }
}
