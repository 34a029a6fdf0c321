using System.Collections.Frozen;

namespace FeedHarvester.Cleaning;

/// <summary>
/// Named data for images and embeds in article HTML: where lazy loaders hide the real image, what a placeholder
/// looks like, which images are tracking beacons, and which embed hosts are kept. Generic web conventions only.
/// </summary>
internal static class MediaPolicy
{
    /// <summary>Attributes lazy-loading scripts read the real image URL from, most specific first.</summary>
    /// <summary>A base for protocol-relative embeds when no page URL is known; never fetched.</summary>
    private static readonly Uri PlaceholderBase = new("https://page.invalid/");

    public static readonly string[] LazySourceAttributes =
        ["data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-hi-res-src"];

    /// <summary>Attributes lazy-loading scripts read a srcset from.</summary>
    public static readonly string[] LazySrcsetAttributes = ["data-srcset", "data-lazy-srcset"];

    /// <summary>File-name words of the blank image a lazy loader shows until the real one loads.</summary>
    public static readonly string[] PlaceholderWords = ["placeholder", "blank", "spacer", "transparent", "pixel", "lazy", "grey", "gray", "loading"];

    /// <summary>Hosts (and their subdomains) whose images are analytics beacons, never content.</summary>
    public static readonly FrozenSet<string> BeaconHosts = FrozenSet.ToFrozenSet(
    [
        "doubleclick.net", "google-analytics.com", "googletagmanager.com", "scorecardresearch.com", "quantserve.com",
        "bat.bing.com", "pixel.wp.com", "stats.wp.com",
        "analytics.twitter.com", "px.ads.linkedin.com", "ct.pinterest.com", "pixel.facebook.com",
        "chartbeat.net", "parsely.com", "omtrdc.net", "krxd.net", "bluekai.com", "adnxs.com",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Path fragments of beacon URLs on any host ("/pixel.gif", "/beacon", Facebook's "/tr?").</summary>
    public static readonly string[] BeaconPathFragments = ["/pixel", "/beacon", "/tracking", "/track.gif", "/tr?", "/b/ss/", "/collect?"];

    /// <summary>
    /// Video and audio players kept as iframes: the embed is the content (a news video), and these hosts serve a
    /// player only. Everything else (ads, widgets, comment boxes, unknown players) is dropped.
    /// </summary>
    public static readonly FrozenSet<string> EmbedHosts = FrozenSet.ToFrozenSet(
    [
        "youtube.com", "www.youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com",
        "www.dailymotion.com", "geo.dailymotion.com", "open.spotify.com", "w.soundcloud.com",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>An image this many pixels or fewer in each dimension shows nothing: a tracking pixel.</summary>
    public const int MaxPixelSize = 1;

    /// <summary>True when <paramref name="src"/> is an iframe source on <see cref="EmbedHosts"/> over http(s).</summary>
    public static bool IsAllowedEmbed(string? src, Uri? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(src))
        {
            return false;
        }

        // Protocol-relative embeds ("//www.youtube.com/embed/…") need a base; a relative one stays on the page's host.
        var resolved = baseUrl is null
            ? Uri.TryCreate(PlaceholderBase, src.Trim(), out var u) ? u : null
            : Uri.TryCreate(baseUrl, src.Trim(), out var v) ? v : null;
        return resolved is { Scheme: "https" or "http" } && EmbedHosts.Contains(resolved.Host);
    }

    /// <summary>True for a missing src, a data: URI, or a file named like a placeholder.</summary>
    public static bool IsPlaceholder(string? src)
    {
        if (string.IsNullOrWhiteSpace(src) || src.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var file = src.AsSpan();
        var query = file.IndexOfAny('?', '#');
        if (query >= 0)
        {
            file = file[..query];
        }

        file = file[(file.LastIndexOf('/') + 1)..];
        foreach (var word in PlaceholderWords)
        {
            if (file.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the URL is on a beacon host or has a beacon path.</summary>
    public static bool IsBeacon(string? src, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(src) || !Uri.TryCreate(baseUrl, src.Trim(), out var url))
        {
            return false;
        }

        for (var host = url.Host; host.Length != 0;)
        {
            if (BeaconHosts.Contains(host))
            {
                return true;
            }

            var dot = host.IndexOf('.', StringComparison.Ordinal);
            host = dot < 0 ? "" : host[(dot + 1)..];
        }

        var path = url.PathAndQuery;
        foreach (var fragment in BeaconPathFragments)
        {
            if (path.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
