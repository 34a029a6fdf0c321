using System.Text;

namespace FeedHarvester.Cleaning;

/// <summary>
/// One spelling per URL, so the same story reached through different links dedupes:
/// lower-case scheme and host, no fragment, no default port, no tracking parameters.
/// Path and the remaining query are kept byte for byte (their case and order can matter to the site).
/// </summary>
internal static class UrlNormalizer
{
    /// <summary>The normalized form of an absolute http(s) URL; other URLs come back unchanged apart from the fragment.</summary>
    public static Uri Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return url;
        }

        var builder = new UriBuilder(url)
        {
            Fragment = string.Empty,
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant(),
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        builder.Query = StripTracking(url.Query);
        return builder.Uri;
    }

    /// <summary>Normalizes a URL string; null when it is not an absolute http or https URL.</summary>
    public static string? TryNormalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return Normalize(uri).AbsoluteUri;
    }

    private static string StripTracking(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var kept = new StringBuilder(query.Length);
        foreach (var pair in query.AsSpan(1).Split('&'))
        {
            var part = query.AsSpan(1)[pair];
            if (part.IsEmpty)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = Uri.UnescapeDataString((equals < 0 ? part : part[..equals]).ToString());
            if (TrackingParameters.IsTracking(name))
            {
                continue;
            }

            _ = kept.Append(kept.Length == 0 ? "" : "&").Append(part);
        }

        return kept.ToString();
    }
}
