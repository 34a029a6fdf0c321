using System.Net;
using System.Net.Http.Headers;

namespace FeedHarvester.Fetching;

/// <summary>The response side of <see cref="HttpFetcher"/>: one final (non-redirect) response turned into a <see cref="FetchResult"/>.</summary>
public sealed partial class HttpFetcher
{
    private async Task<FetchResult> ReadAsync(Plan plan, Uri current, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var requested = plan.Request.Url;
        if (status == HttpStatusCode.NotModified)
        {
            return new FetchResult
            {
                Status = FetchStatus.NotModified,
                RequestedUrl = requested,
                FinalUrl = current,
                StatusCode = status,
                ETag = response.Headers.ETag?.ToString() ?? plan.Request.ETag,
                LastModified = LastModifiedOf(response) ?? plan.Request.LastModified,
                FreshFor = Freshness.FreshFor(response, _timeProvider.GetUtcNow()),
            };
        }

        if (!response.IsSuccessStatusCode)
        {
            var failure = FailureFor(requested, response) with { FinalUrl = current };
            if (failure.RetryAfter is { } wait)
            {
                RememberRetryAfter(requested, current, wait);
            }

            return failure;
        }

        var read = await BodyReader.ReadAsync(response.Content, plan.BodyLimit, plan.TruncateBody, cancellationToken, plan.LendBody).ConfigureAwait(false);
        if (read.Failure is { } broken)
        {
            return FetchResult.Failed(requested, broken, $"body of {current.AbsoluteUri} {read.Reason}", status) with { FinalUrl = current };
        }

        return new FetchResult
        {
            Status = FetchStatus.Content,
            RequestedUrl = requested,
            FinalUrl = current,
            StatusCode = status,
            Body = read.Body,
            BodyLease = read.Lease,
            ContentType = ContentTypeOf(response.Content.Headers),
            ContentLanguage = response.Content.Headers.ContentLanguage.FirstOrDefault(),
            ContentLocation = response.Content.Headers.ContentLocation,
            ETag = response.Headers.ETag?.ToString(),
            LastModified = LastModifiedOf(response),
            FreshFor = Freshness.FreshFor(response, _timeProvider.GetUtcNow()),
        };
    }

    // Remembered for the URL that answered and the URL the caller asked for, so neither is asked again before the wait is over.
    private void RememberRetryAfter(Uri requested, Uri current, TimeSpan wait)
    {
        _retryAfter.Remember(RetryAfterKey(current), wait);
        _retryAfter.Remember(RetryAfterKey(requested), wait);
    }

    private FetchResult FailureFor(Uri url, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var code = (int)status;
        var wait = RetryAfterOf(response.Headers.RetryAfter);
        var (kind, text) = code switch
        {
            429 => (FetchFailureKind.RateLimited, "too many requests (429)"),
            503 when wait is not null => (FetchFailureKind.RateLimited, "service unavailable with Retry-After (503)"),
            404 => (FetchFailureKind.NotFound, "not found (404)"),
            410 => (FetchFailureKind.Gone, "gone (410)"),
            >= 500 => (FetchFailureKind.ServerError, $"server error ({code})"),
            _ => (FetchFailureKind.HttpError, $"HTTP status {code}"),
        };
        return FetchResult.Failed(url, kind, text, status) with { RetryAfter = kind == FetchFailureKind.RateLimited ? wait : null };
    }

    /// <summary>Retry-After as a wait from now (delta seconds or HTTP-date), capped at MaxRetryAfter so a hostile server cannot park a feed for a year.</summary>
    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header)
    {
        TimeSpan? wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _timeProvider.GetUtcNow(),
            _ => null,
        };
        if (wait is not { } value)
        {
            return null;
        }

        return value <= TimeSpan.Zero ? TimeSpan.Zero : value > _settings.MaxRetryAfter ? _settings.MaxRetryAfter : value;
    }

    // The validated header drops a media type it cannot parse; the raw value still carries the charset the decoder needs.
    private static string? ContentTypeOf(HttpContentHeaders headers) =>
        headers.ContentType?.ToString()
        ?? (headers.NonValidated.TryGetValues("Content-Type", out var raw) ? raw.FirstOrDefault() : null);

    private static string? LastModifiedOf(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;
}
