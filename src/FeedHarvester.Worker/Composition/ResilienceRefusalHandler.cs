using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FeedHarvester.Worker.Composition;

/// <summary>
/// Sits outside the resilience handler and turns its refusals into the exceptions an HttpClient itself throws, which
/// the fetcher already understands: a timed-out attempt becomes a cancellation (the fetcher's Timeout), an open
/// circuit or any other refusal an <see cref="HttpRequestException"/> (NetworkError). Core so needs no Polly.
/// </summary>
internal sealed class ResilienceRefusalHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            // As HttpClient reports its own timeout: a cancellation the caller did not ask for.
            throw new TaskCanceledException(ex.Message, new TimeoutException(ex.Message, ex));
        }

        // No inner exception: the fetcher's message is this text alone, as stored and logged before the translation moved here.
        catch (BrokenCircuitException ex)
        {
            throw new HttpRequestException("host failing repeatedly, circuit open: " + ex.Message);
        }
        catch (ExecutionRejectedException ex)
        {
            // Any other refusal of the resilience pipeline (its concurrency limiter): the request was never sent.
            throw new HttpRequestException("request refused by the resilience pipeline: " + ex.Message);
        }
    }
}
