namespace FeedHarvester.Feeds;

/// <summary>
/// Keeps two workers from polling one feed at the same moment: a poll runs only while its worker holds the
/// feed's lease, and a lease expires on its own if its holder dies.
/// </summary>
public interface IPollLease
{
    /// <summary>The lease on <paramref name="feedUrl"/> for at most <paramref name="duration"/>, or null when another worker holds it. Dispose to release.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string feedUrl, TimeSpan duration, CancellationToken cancellationToken);
}
