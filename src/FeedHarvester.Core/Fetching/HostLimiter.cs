using System.Collections.Concurrent;

namespace FeedHarvester.Fetching;

/// <summary>
/// Politeness per host (host:port), shared by feed and page fetches: caps requests in flight, and spaces the
/// starts of requests to one host at least <c>minDelayPerHost</c> apart.
/// </summary>
public sealed class HostLimiter
{
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxPerHost;
    private readonly TimeSpan _minDelayPerHost;
    private readonly TimeProvider _timeProvider;

    /// <summary>A concurrency cap only, no spacing between requests.</summary>
    public HostLimiter(int maxPerHost)
        : this(maxPerHost, TimeSpan.Zero, TimeProvider.System)
    {
    }

    public HostLimiter(int maxPerHost, TimeSpan minDelayPerHost, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerHost, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDelayPerHost, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _maxPerHost = maxPerHost;
        _minDelayPerHost = minDelayPerHost;
        _timeProvider = timeProvider;
    }

    /// <summary>The limiter the options describe: <see cref="FetchingOptions.MaxConcurrentRequestsPerHost"/> and <see cref="FetchingOptions.MinDelayPerHost"/>.</summary>
    public static HostLimiter Create(FetchingOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HostLimiter(options.MaxConcurrentRequestsPerHost, options.MinDelayPerHost, timeProvider);
    }

    /// <summary>Waits for a slot on the URL's host and for its turn to start; dispose the result to give the slot back.</summary>
    public async Task<IDisposable> AcquireAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var gate = _gates.GetOrAdd(url.Authority, static (_, max) => new HostGate(max), _maxPerHost);
        await gate.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var slot = new Slot(gate.Slots);
        try
        {
            var wait = gate.ReserveStart(_timeProvider.GetUtcNow(), _minDelayPerHost);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return slot;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _ = gate.Release();
            }
        }
    }
}
