namespace FeedHarvester.Feeds;

/// <summary>The single-worker lease: the embedded store's directory lock already keeps other workers out.</summary>
public sealed class ProcessPollLease : IPollLease
{
    private static readonly Task<IAsyncDisposable?> Granted = Task.FromResult<IAsyncDisposable?>(new Released());

    public Task<IAsyncDisposable?> TryAcquireAsync(string feedUrl, TimeSpan duration, CancellationToken cancellationToken) => Granted;

    private sealed class Released : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
