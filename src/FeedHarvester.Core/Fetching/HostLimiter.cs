using System.Collections.Concurrent;

namespace FeedHarvester.Fetching;

/// <summary>Caps requests in flight per host (host:port), shared by feed and page fetches, to stay welcome.</summary>
public sealed class HostLimiter(int maxPerHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot on the URL's host; dispose the result to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(Uri url, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(url.Authority, static (_, max) => new SemaphoreSlim(max, max), maxPerHost);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(gate);
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                _ = gate.Release();
            }
        }
    }
}
