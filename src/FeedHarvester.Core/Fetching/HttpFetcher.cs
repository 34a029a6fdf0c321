using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Fetching;

/// <summary>
/// Fetches one feed or page politely: conditional GET, compression, a total time limit that covers the
/// body, a size limit counted after decompression, a per-host concurrency cap. Every expected failure
/// comes back as a <see cref="FetchResult"/> value.
/// </summary>
public sealed class HttpFetcher(
    HttpClient client,
    HostLimiter hostLimiter,
    IOptions<FetchingOptions> options,
    TimeProvider timeProvider)
{
    public const string HttpClientName = "feedharvester";

    private const string FeedAccept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private const string PageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private readonly FetchingOptions settings = options.Value;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return FetchResult.Failed(url, FetchFailureKind.UnsupportedScheme, $"only http and https URLs are fetched ({url.OriginalString})");
        }

        var started = Stopwatch.GetTimestamp();
        using var slot = await hostLimiter.AcquireAsync(url, cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        try
        {
            var result = await SendAsync(request, deadline.Token).ConfigureAwait(false);
            return result with { Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Failed(url, FetchFailureKind.Timeout, $"no complete response within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return FetchResult.Failed(url, FetchFailureKind.Timeout, $"no complete response within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return FetchResult.Failed(url, FetchFailureKind.NetworkError, Describe(ex));
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            return FetchResult.Failed(url, FetchFailureKind.NetworkError, "host failing repeatedly, circuit open: " + ex.Message);
        }
    }

    private async Task<FetchResult> SendAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request);
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        var finalUrl = response.RequestMessage?.RequestUri ?? request.Url;
        var status = response.StatusCode;

        if (status == HttpStatusCode.NotModified)
        {
            return new FetchResult
            {
                Status = FetchStatus.NotModified,
                RequestedUrl = request.Url,
                FinalUrl = finalUrl,
                StatusCode = status,
                ETag = response.Headers.ETag?.ToString() ?? request.ETag,
                LastModified = LastModifiedOf(response) ?? request.LastModified,
            };
        }

        if (!response.IsSuccessStatusCode)
        {
            return FailureFor(request.Url, response) with { FinalUrl = finalUrl };
        }

        var limit = request.Kind == FetchKind.Feed ? settings.MaxFeedBytes : settings.MaxPageBytes;
        var body = await BodyReader.ReadAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return FetchResult.Failed(request.Url, FetchFailureKind.TooLarge, $"body larger than {limit} bytes after decompression", status)
                with { FinalUrl = finalUrl };
        }

        return new FetchResult
        {
            Status = FetchStatus.Content,
            RequestedUrl = request.Url,
            FinalUrl = finalUrl,
            StatusCode = status,
            Body = body,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            ContentLanguage = response.Content.Headers.ContentLanguage.FirstOrDefault(),
            ContentLocation = response.Content.Headers.ContentLocation,
            ETag = response.Headers.ETag?.ToString(),
            LastModified = LastModifiedOf(response),
        };
    }

    private HttpRequestMessage BuildRequest(FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        _ = message.Headers.TryAddWithoutValidation("User-Agent", settings.UserAgent);
        _ = message.Headers.TryAddWithoutValidation("Accept", request.Kind == FetchKind.Feed ? FeedAccept : PageAccept);
        if (!string.IsNullOrEmpty(request.ETag))
        {
            _ = message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (!string.IsNullOrEmpty(request.LastModified))
        {
            _ = message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        return message;
    }

    private FetchResult FailureFor(Uri url, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var code = (int)status;
        var retryAfter = RetryAfterOf(response.Headers.RetryAfter);
        var (kind, text) = code switch
        {
            429 => (FetchFailureKind.RateLimited, "too many requests (429)"),
            503 when retryAfter is not null => (FetchFailureKind.RateLimited, "service unavailable with Retry-After (503)"),
            404 => (FetchFailureKind.NotFound, "not found (404)"),
            410 => (FetchFailureKind.Gone, "gone (410)"),
            >= 500 => (FetchFailureKind.ServerError, $"server error ({code})"),
            >= 300 and < 400 => (FetchFailureKind.RedirectLoop, $"more than {settings.MaxRedirects} redirects ({code})"),
            _ => (FetchFailureKind.HttpError, $"HTTP status {code}"),
        };
        return FetchResult.Failed(url, kind, text, status) with { RetryAfter = retryAfter };
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string? LastModifiedOf(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;

    private static string Describe(HttpRequestException ex) =>
        ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
}
