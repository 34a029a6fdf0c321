namespace FeedHarvester.Html;

/// <summary>
/// One page's allowance of wall time, checked cooperatively from the loops of a stage that walks its tree (the
/// extractor, the cleaner): every <see cref="StepsPerClockRead"/> steps the clock is read, and past the limit the work
/// is cancelled with an <see cref="OperationCanceledException"/> carrying <see cref="Token"/>, which the stage turns
/// into the page's outcome. The caller's token is honoured at the same points. Not thread-safe: one per page and stage.
/// </summary>
internal sealed class WorkBudget : IDisposable
{
    /// <summary>Reading the clock costs far more than a step (one element visited); this keeps the checks negligible.</summary>
    private const int StepsPerClockRead = 256;

    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly TimeSpan _limit;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _expired = new();
    private int _steps;

    public WorkBudget(TimeSpan limit, TimeProvider time, CancellationToken caller = default)
    {
        _time = time;
        _limit = limit;
        _caller = caller;
        _started = time.GetTimestamp();
    }

    /// <summary>No limit: for callers that only want the extractor's answer (tests, tools).</summary>
    public static WorkBudget Unlimited() => new(Timeout.InfiniteTimeSpan, TimeProvider.System);

    /// <summary>The token of the cancellation this budget raises when it runs out.</summary>
    public CancellationToken Token => _expired.Token;

    public TimeSpan Limit => _limit;

    /// <summary>Counts one unit of work; now and then checks the clock.</summary>
    public void Step()
    {
        if (++_steps >= StepsPerClockRead)
        {
            Check();
        }
    }

    /// <summary>Checks the clock and the caller's token now.</summary>
    public void Check()
    {
        _steps = 0;
        _caller.ThrowIfCancellationRequested();
        if (_limit != Timeout.InfiniteTimeSpan && _time.GetElapsedTime(_started) > _limit)
        {
            _expired.Cancel();
            _expired.Token.ThrowIfCancellationRequested();
        }
    }

    public void Dispose() => _expired.Dispose();
}
