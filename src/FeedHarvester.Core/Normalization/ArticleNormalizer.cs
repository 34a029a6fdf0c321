using FeedHarvester.Cleaning;
using FeedHarvester.Extraction;
using FeedHarvester.Html;
using FeedHarvester.Parsing;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Normalization;

/// <summary>
/// Turns an entry plus its extracted page into the one versioned <see cref="Article"/> record, in two calls with
/// the cleaning between them: <see cref="ChooseBody"/> picks the body (page, else the feed's content, else its
/// summary); <see cref="Normalize"/> takes that body once sanitized and settles the URLs, the id and the dates
/// (UTC; missing → fetch time; future → fetch time).
/// </summary>
public sealed class ArticleNormalizer
{
    /// <summary>The body the article will carry, not yet sanitized, with the URL its relative links resolve against.</summary>
    public ArticleBody ChooseBody(NormalizationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var url = UrlOf(input.Entry);
        var baseUrl = input.PageUrl ?? (url is null ? new Uri(input.FeedUrl) : new Uri(url));
        var (html, text, info) = Choose(input);
        var tree = info.Method == ExtractionInfo.PageMethod ? input.Page?.Tree : null;
        return new ArticleBody(html, text, info, baseUrl, tree);
    }

    /// <param name="input">The entry and its page, as given to <see cref="ChooseBody"/>.</param>
    /// <param name="body">The chosen body, its HTML sanitized (see <see cref="HtmlCleaner"/>): it is stored as given.</param>
    public Article Normalize(NormalizationInput input, ArticleBody body)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(body);
        var entry = input.Entry;
        var page = input.PageMetadata ?? input.Page;
        var url = UrlOf(entry);
        var (published, publishedFrom) = PublishedOf(entry, page);
        var canonical = CanonicalOf(input, page, url);
        var guid = FirstText(entry.Id, entry.Link) ?? ArticleId.FromFeedAndGuid(input.FeedUrl, entry.Title + "\n" + entry.Summary);
        var id = canonical is null ? ArticleId.FromFeedAndGuid(input.FeedUrl, guid) : ArticleId.FromCanonicalUrl(canonical);

        return new Article
        {
            Id = id,
            StoryId = id,
            // An entry without a usable link has none: never the feed's URL, which would make every such entry of the
            // feed one URL (and every one after the first a "duplicate"). Its id comes from the feed and its GUID.
            Url = url,
            CanonicalUrl = canonical ?? url,
            FeedUrl = input.FeedUrl,
            FeedTitle = FirstText(input.FeedTitle),
            FeedCategory = FirstText(input.FeedCategory),
            Guid = guid,
            Title = FirstText(entry.Title, page?.Title),
            Author = FirstText(entry.Author, page?.Byline),
            // Null when neither the feed nor the page states a date: the fetch time would be an invented date (it is in
            // fetched_at already), and extraction.published_from says "none".
            Published = Clamp(published, input.FetchedAt),
            Updated = Clamp(entry.Updated ?? page?.Modified, input.FetchedAt),
            Language = FirstText(page?.Language, input.Feed.Language),
            LeadImage = FirstText(page?.LeadImage, entry.Enclosures.FirstOrDefault(e => e.Type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)?.Url),
            Summary = SummaryOf(entry.Summary),
            ContentHtml = body.Html,
            ContentText = body.Text,
            Categories = entry.Categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList(),
            FetchedAt = input.FetchedAt,
            Source = FirstText(page?.SiteName, input.Feed.Title, new Uri(canonical ?? url ?? input.FeedUrl).Host),
            Extraction = body.Info with { PublishedFrom = publishedFrom },
        };
    }

    /// <summary>The feed's dates first (the publisher's own statement for the entry), then the page's; with the
    /// record's name of where it came from (<see cref="ExtractionInfo.PublishedFrom"/>).</summary>
    private static (DateTimeOffset? Date, string From) PublishedOf(ParsedEntry entry, ArticleMetadata? page)
    {
        if (entry.Published is { } published)
        {
            return (published, "feed");
        }

        if (entry.Updated is { } updated)
        {
            return (updated, "feed_updated");
        }

        return page?.Published is { } fromPage ? (fromPage, SourceName(page.PublishedFrom)) : (null, "none");
    }

    private static string SourceName(DateSource source) => source switch
    {
        DateSource.JsonLd => "json_ld",
        DateSource.MetaTag => "meta",
        DateSource.Microdata => "microdata",
        DateSource.TimeElement => "time",
        DateSource.VisibleText => "text",
        DateSource.Url => "url",
        _ => "page",
    };

    private static string? UrlOf(ParsedEntry entry) => UrlNormalizer.TryNormalize(entry.Link) ?? UrlNormalizer.TryNormalize(entry.Id);

    private static (string Html, string Text, ExtractionInfo Info) Choose(NormalizationInput input)
    {
        var entry = input.Entry;
        var feedHtml = FirstText(entry.Content, entry.Summary);
        var feedText = feedHtml is null ? string.Empty : HtmlText.ToPlainText(feedHtml);
        var feedWords = HtmlText.CountWords(feedText);

        if (input.Page is { } page)
        {
            var pageUsable = page.WordCount >= BodyChoice.MinPageWords
                || (page.WordCount > 0 && page.WordCount >= feedWords);
            var feedMuchLonger = feedWords > page.WordCount * BodyChoice.FeedMuchLongerFactor;
            if (pageUsable && !feedMuchLonger)
            {
                return (page.ContentHtml, page.ContentText, new ExtractionInfo(ExtractionInfo.PageMethod, page.Path, page.WordCount));
            }
        }

        var reason = (input.PageFailure ?? (input.Page is null ? null : PageFailure.TooShort(input.Page.WordCount, feedWords)))?.ToString();
        if (feedHtml is not null)
        {
            var path = entry.Content is not null && string.Equals(feedHtml, entry.Content, StringComparison.Ordinal) ? "content" : "summary";
            return (feedHtml, feedText, new ExtractionInfo(ExtractionInfo.FeedMethod, path, feedWords, reason));
        }

        var title = entry.Title ?? string.Empty;
        return (System.Net.WebUtility.HtmlEncode(title), title, new ExtractionInfo(ExtractionInfo.FeedMethod, "title", HtmlText.CountWords(title), reason));
    }

    private static string? CanonicalOf(NormalizationInput input, ArticleMetadata? page, string? url)
    {
        if (UrlNormalizer.TryNormalize(page?.CanonicalUrl) is { } declared && IsArticleLike(declared))
        {
            return declared;
        }

        return (input.PageUrl is null ? null : UrlNormalizer.TryNormalize(input.PageUrl.AbsoluteUri)) ?? url;
    }

    // A canonical link pointing at a site's home page is a template mistake, not the article's address:
    // trusting it would give every article of that site one id.
    private static bool IsArticleLike(string url) => new Uri(url).AbsolutePath.Trim('/').Length > 0;

    private static string? SummaryOf(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = HtmlText.ToPlainText(html);
        return text.Length == 0 ? null : text;
    }

    private static DateTimeOffset? Clamp(DateTimeOffset? value, DateTimeOffset fetchedAt) =>
        value is { } date ? (date > fetchedAt ? fetchedAt : date.ToUniversalTime()) : null;

    private static string? FirstText(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}
