using System.Net;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Fetching;

/// <summary>
/// Fetches one feed or page politely and safely: conditional GET, compression, redirects followed here (hops
/// counted, loops caught, permanent moves reported), a total time limit that covers the body, a size limit counted
/// after decompression, the per-host cap and spacing, remembered Retry-After, robots.txt for pages, and internal
/// addresses refused. Every expected failure comes back as a <see cref="FetchResult"/> value.
/// </summary>
public sealed partial class HttpFetcher
{
    public const string HttpClientName = "feedharvester";

    private const string FeedAccept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private const string PageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private const string RobotsAccept = "text/plain, */*;q=0.5";

    private readonly HttpClient _client;
    private readonly HostLimiter _hostLimiter;
    private readonly FetchingOptions _settings;
    private readonly TimeProvider _timeProvider;
    private readonly PrivateAddressGuard _guard;
    private readonly RetryAfterMemory _retryAfter;
    private readonly RobotsTxtCache _robots;

    /// <param name="client">Should use <see cref="FetchingHandler.Create"/> as its primary handler, so connections go through the guard.</param>
    /// <param name="hostLimiter">Shared by every fetch; <see cref="HostLimiter.Create"/> builds it from the options.</param>
    /// <param name="options">Limits, politeness and guard settings.</param>
    /// <param name="timeProvider">Clock for Retry-After, freshness and the robots.txt cache.</param>
    public HttpFetcher(HttpClient client, HostLimiter hostLimiter, IOptions<FetchingOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _hostLimiter = hostLimiter ?? throw new ArgumentNullException(nameof(hostLimiter));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _settings = options.Value;
        _guard = new PrivateAddressGuard(_settings);
        _retryAfter = new RetryAfterMemory(timeProvider);
        _robots = new RobotsTxtCache(FetchRobotsTxtAsync, RobotsTxt.ProductTokenOf(_settings.UserAgent), _settings.RobotsTxtCacheDuration, timeProvider);
    }

    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = request.Kind == FetchKind.Feed
            ? new Plan(request, FeedAccept, _settings.MaxFeedBytes, TruncateBody: false, CheckRobots: false)
            : new Plan(request, PageAccept, _settings.MaxPageBytes, TruncateBody: false, CheckRobots: _settings.RespectRobotsTxt, LendBody: request.LendBody);
        return FetchAsync(plan, cancellationToken);
    }

    private Task<FetchResult> FetchRobotsTxtAsync(Uri robotsUrl, CancellationToken cancellationToken) =>
        FetchAsync(new Plan(new FetchRequest(robotsUrl, FetchKind.Page), RobotsAccept, RobotsTxtCache.MaxBytes, TruncateBody: true, CheckRobots: false), cancellationToken);

    private async Task<FetchResult> FetchAsync(Plan plan, CancellationToken cancellationToken)
    {
        var url = plan.Request.Url;
        if (!IsHttp(url))
        {
            return FetchResult.Failed(url, FetchFailureKind.UnsupportedScheme, $"only http and https URLs are fetched ({url.OriginalString})");
        }

        var started = _timeProvider.GetTimestamp();
        var chain = new List<Uri> { url };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        FetchResult result;
        try
        {
            result = await FollowAsync(plan, chain, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = TimedOut(url);
        }
        catch (HttpRequestException ex) when (PrivateAddressBlockedException.Find(ex) is { } refusal)
        {
            result = FetchResult.Failed(url, FetchFailureKind.PrivateAddressBlocked, refusal.Message);
        }
        catch (HttpRequestException ex)
        {
            result = FetchResult.Failed(url, FetchFailureKind.NetworkError, Describe(ex));
        }

        return result with { FinalUrl = result.FinalUrl ?? chain[^1], Elapsed = _timeProvider.GetElapsedTime(started) };
    }

    /// <summary>Sends the request and follows redirects; each hop is checked (guard, Retry-After, robots) before it is sent.</summary>
    private async Task<FetchResult> FollowAsync(Plan plan, List<Uri> chain, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        var allPermanent = true;
        while (true)
        {
            var current = chain[^1];
            if (RefuseBeforeSending(plan, current) is { } refused)
            {
                return refused;
            }

            if (plan.CheckRobots && !await _robots.IsAllowedAsync(current, deadline.Token).ConfigureAwait(false))
            {
                return FetchResult.Failed(plan.Request.Url, FetchFailureKind.RobotsDisallowed,
                    $"robots.txt of {current.GetLeftPart(UriPartial.Authority)} disallows {current.AbsoluteUri} for {RobotsTxt.ProductTokenOf(_settings.UserAgent)}");
            }

            // Waiting for the host's turn is queueing, not a slow server, so the time limit starts once the first slot is ours.
            using var slot = await _hostLimiter.AcquireAsync(current, deadline.Token).ConfigureAwait(false);
            if (chain.Count == 1)
            {
                deadline.CancelAfter(_settings.Timeout);
            }

            using var message = BuildRequest(plan, current);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                .ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode))
            {
                var result = await ReadAsync(plan, current, response, deadline.Token).ConfigureAwait(false);
                return chain.Count > 1 && allPermanent && !result.TryGetFailure(out _) ? result with { PermanentRedirect = current } : result;
            }

            if (NextHop(plan, chain, response) is { } stop)
            {
                return stop;
            }

            allPermanent &= response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
        }
    }

    /// <summary>Adds the redirect target to the chain, or says why the chain ends here.</summary>
    private FetchResult? NextHop(Plan plan, List<Uri> chain, HttpResponseMessage response)
    {
        var current = chain[^1];
        var code = (int)response.StatusCode;
        var location = response.Headers.Location;
        if (location is null || !Uri.TryCreate(current, location, out var next))
        {
            return FetchResult.Failed(plan.Request.Url, FetchFailureKind.HttpError, $"redirect ({code}) from {current.AbsoluteUri} without a usable Location", response.StatusCode)
                with { FinalUrl = current };
        }

        if (!IsHttp(next))
        {
            return FetchResult.Failed(plan.Request.Url, FetchFailureKind.UnsupportedScheme, $"redirect ({code}) from {current.AbsoluteUri} to a non-http URL {next.OriginalString}", response.StatusCode)
                with { FinalUrl = current };
        }

        var seen = chain.Exists(hop => SameResource(hop, next));
        chain.Add(next);
        if (seen)
        {
            return FetchResult.Failed(plan.Request.Url, FetchFailureKind.RedirectLoop, $"redirect loop: {Describe(chain)}", response.StatusCode) with { FinalUrl = current };
        }

        if (chain.Count - 1 > _settings.MaxRedirects)
        {
            return FetchResult.Failed(plan.Request.Url, FetchFailureKind.RedirectLoop, $"more than {_settings.MaxRedirects} redirects: {Describe(chain)}", response.StatusCode)
                with { FinalUrl = current };
        }

        return null;
    }

    /// <summary>Refusals that need no connection: an internal IP literal, or a Retry-After still running for this URL.</summary>
    private FetchResult? RefuseBeforeSending(Plan plan, Uri current)
    {
        if (_guard.CheckLiteral(current) is { } refusal)
        {
            return FetchResult.Failed(plan.Request.Url, FetchFailureKind.PrivateAddressBlocked, refusal.Message) with { FinalUrl = current };
        }

        if (_retryAfter.Remaining(RetryAfterKey(current)) is { } wait)
        {
            return FetchResult.Failed(plan.Request.Url, FetchFailureKind.RateLimited,
                $"not sent: {current.AbsoluteUri} asked us to wait (Retry-After), {wait.TotalSeconds:0} s left")
                with { FinalUrl = current, RetryAfter = wait };
        }

        return null;
    }

    private HttpRequestMessage BuildRequest(Plan plan, Uri url)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        _ = message.Headers.TryAddWithoutValidation("User-Agent", plan.Request.UserAgent ?? _settings.UserAgent);
        _ = message.Headers.TryAddWithoutValidation("Accept", plan.Accept);
        if (!string.IsNullOrEmpty(plan.Request.ETag))
        {
            _ = message.Headers.TryAddWithoutValidation("If-None-Match", plan.Request.ETag);
        }

        if (!string.IsNullOrEmpty(plan.Request.LastModified))
        {
            _ = message.Headers.TryAddWithoutValidation("If-Modified-Since", plan.Request.LastModified);
        }

        return message;
    }

    private string RetryAfterKey(Uri url) => _settings.RetryAfterAppliesToWholeHost ? url.GetLeftPart(UriPartial.Authority) : url.AbsoluteUri;

    private FetchResult TimedOut(Uri url) =>
        FetchResult.Failed(url, FetchFailureKind.Timeout, $"no complete response within {_settings.Timeout.TotalSeconds:0.#} s");

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // The fragment never reaches the server, so a.xml#x and a.xml are one hop of a loop.
    private static bool SameResource(Uri a, Uri b) =>
        string.Equals(a.GetLeftPart(UriPartial.Query), b.GetLeftPart(UriPartial.Query), StringComparison.Ordinal);

    private static string Describe(List<Uri> chain) => string.Join(" -> ", chain.Select(hop => hop.AbsoluteUri));

    private static string Describe(HttpRequestException ex) =>
        ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;

    /// <summary>What one fetch asks for: the request, its Accept header, body limit, and whether robots.txt applies.</summary>
    private sealed record Plan(FetchRequest Request, string Accept, long BodyLimit, bool TruncateBody, bool CheckRobots, bool LendBody = false);
}
