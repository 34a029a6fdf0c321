using System.Collections.Concurrent;

namespace FeedHarvester.Pipeline;

/// <summary>
/// Lets one task at a time harvest a given article URL. The same link can arrive twice at once — a repost in
/// the same feed, or one story in two feeds polled together — and without this both would fetch the page
/// before either had claimed it. The second waits, then finds the URL already seen.
/// </summary>
internal sealed class InFlightUrls
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _running = new(StringComparer.Ordinal);

    /// <summary>Waits until no other task holds <paramref name="url"/>, then holds it until the result is disposed.</summary>
    public async Task<IDisposable> EnterAsync(string url, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var current = _running.GetOrAdd(url, mine);
            if (ReferenceEquals(current, mine))
            {
                return new Holder(this, url, mine);
            }

            await current.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Holder(InFlightUrls owner, string url, TaskCompletionSource done) : IDisposable
    {
        public void Dispose()
        {
            _ = owner._running.TryRemove(new KeyValuePair<string, TaskCompletionSource>(url, done));
            _ = done.TrySetResult();
        }
    }
}
