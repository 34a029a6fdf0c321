using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>The outcome of one fetch: a value, never an exception, for every expected failure.</summary>
public sealed record FetchResult
{
    public required FetchStatus Status { get; init; }

    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL after redirects (equals RequestedUrl when there were none).</summary>
    public Uri? FinalUrl { get; init; }

    public HttpStatusCode? StatusCode { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Set when <see cref="Body"/> was lent in a pooled array (<see cref="FetchRequest.LendBody"/>).</summary>
    internal PooledBytes? BodyLease { get; init; }

    public string? ContentType { get; init; }

    public string? ContentLanguage { get; init; }

    /// <summary>The Content-Location header: a base for relative links some feeds rely on.</summary>
    public Uri? ContentLocation { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>How long the server asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public FetchFailureKind? FailureKind { get; init; }

    /// <summary>"fetch: …" text for logs; null on success.</summary>
    public string? Message { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Set when there were redirects, every hop was permanent (301/308) and the fetch succeeded (content or 304): the URL the resource now lives at.</summary>
    public Uri? PermanentRedirect { get; init; }

    /// <summary>How long the response says it stays fresh (Cache-Control max-age, else Expires minus now); null when it does not say.</summary>
    public TimeSpan? FreshFor { get; init; }

    /// <summary>A body arrived.</summary>
    public bool IsContent => Status == FetchStatus.Content;

    /// <summary>304: nothing changed since the validators sent.</summary>
    public bool IsNotModified => Status == FetchStatus.NotModified;

    /// <summary>The failure, when the fetch gave no content (neither a body nor a 304).</summary>
    public bool TryGetFailure([NotNullWhen(true)] out FetchFailure? failure)
    {
        if (Status != FetchStatus.Failure)
        {
            failure = null;
            return false;
        }

        // Made by Failed, which always sets the kind: a failure without one is a bug, not a fetch outcome.
        var kind = FailureKind ?? throw new InvalidOperationException("A failed fetch carries its kind; build it with FetchResult.Failed.");
        failure = new FetchFailure(kind, Message ?? string.Empty, RetryAfter);
        return true;
    }

    public static FetchResult Failed(Uri url, FetchFailureKind kind, string message, HttpStatusCode? status = null) =>
        new() { Status = FetchStatus.Failure, RequestedUrl = url, FailureKind = kind, Message = "fetch: " + message, StatusCode = status };
}
