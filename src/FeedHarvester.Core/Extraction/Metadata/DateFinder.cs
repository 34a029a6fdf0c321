using System.Globalization;
using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>Published and modified dates: JSON-LD, meta tags, &lt;time datetime&gt;, and last a date in the URL.</summary>
internal static class DateFinder
{
    /// <summary>The published date and where it was read, the most explicit source first.</summary>
    public static (DateTimeOffset? Date, DateSource From) FindPublished(IDocument document, MetaTags meta, JsonLdArticle? ld, Uri pageUrl)
    {
        if (Parse(ld?.DatePublished) is { } fromLd)
        {
            return (fromLd, DateSource.JsonLd);
        }

        if (Parse(meta.First("article:published_time", "og:article:published_time", "datePublished", "pubdate",
                "publishdate", "publish-date", "publish_date", "article.published", "dc.date.issued", "dc.date", "date",
                "sailthru.date", "parsely-pub-date", "og:published_time")) is { } fromMeta)
        {
            return (fromMeta, DateSource.MetaTag);
        }

        if (Parse(FirstTimeElement(document)) is { } fromTime)
        {
            return (fromTime, DateSource.TimeElement);
        }

        return FromUrl(pageUrl) is { } fromUrl ? (fromUrl, DateSource.Url) : (null, DateSource.None);
    }

    public static DateTimeOffset? FindModified(MetaTags meta, JsonLdArticle? ld) =>
        Parse(ld?.DateModified)
        ?? Parse(meta.First("article:modified_time", "og:updated_time", "dateModified", "last-modified",
            "article.updated", "dc.date.modified"));

    /// <summary>Parses ISO 8601 and RFC 1123 style dates; a date without offset is taken as UTC.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>A /2019/11/18/ style date in the URL path, as midnight UTC.</summary>
    public static DateTimeOffset? FromUrl(Uri pageUrl)
    {
        var match = TextPatterns.UrlDate().Match(pageUrl.AbsolutePath);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(year, month) ? new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero) : null;
    }

    private static string? FirstTimeElement(IDocument document) =>
        (document.QuerySelector("time[pubdate][datetime], article time[datetime], time[datetime]"))?.GetAttribute("datetime");
}
