using FeedHarvester.Cleaning;
using FeedHarvester.Extraction;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Tests.Normalization;

public sealed class ArticleNormalizerTests
{
    private static readonly DateTimeOffset FetchedAt = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly string LongText = string.Join(" ", Enumerable.Repeat("The council met and agreed to review the plan.", 10));

    private static readonly ArticleNormalizer Normalizer = new();
    private static readonly HtmlCleaner Cleaner = HtmlCleaner.Unbounded();

    private static NormalizationInput Input(ParsedEntry entry, ExtractedArticle? page = null, PageFailure? failure = null) =>
        new("http://127.0.0.1/feed.xml", new ParsedFeed { Title = "Feed Title", Language = "en" }, entry, page,
            page is null ? null : new Uri(entry.Link!), failure, FetchedAt);

    // The entry harvester's clean and normalize steps, in its order: the chosen body is sanitized, then the record made.
    private static Article Normalize(NormalizationInput input)
    {
        var body = Normalizer.ChooseBody(input);
        return Normalizer.Normalize(input, body with { Html = Cleaner.Clean(body.Html, body.BaseUrl) });
    }

    private static ExtractedArticle Page(string? canonical = null, int words = 80) => new()
    {
        ContentHtml = $"<p onclick=\"x()\">{LongText}</p><script>evil()</script>",
        ContentText = LongText,
        WordCount = words,
        Path = "readability",
        CanonicalUrl = canonical,
        SiteName = "Site Name",
    };

    [Fact]
    public void Normalize_SameStoryDifferentTrackingParameters_SameId()
    {
        var a = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a/1.html?utm_source=rss" }));
        var b = Normalize(Input(new ParsedEntry { Link = "HTTP://127.0.0.1/a/1.html?utm_medium=email#top" }));

        Assert.Equal(a.Id, b.Id);
        Assert.Equal("http://127.0.0.1/a/1.html", a.Url);
        Assert.Matches("^[0-9a-f]{32}$", a.Id);
    }

    [Fact]
    public void Normalize_PageDeclaresCanonical_IdFollowsTheCanonicalUrl()
    {
        var entry = new ParsedEntry { Link = "http://127.0.0.1/s1/a/1.html" };

        var article = Normalize(Input(entry, Page(canonical: "https://origin.example/story/1?utm_source=x")));

        Assert.Equal("https://origin.example/story/1", article.CanonicalUrl);
        Assert.Equal(ArticleId.FromCanonicalUrl("https://origin.example/story/1"), article.Id);
    }

    [Fact]
    public void Normalize_CanonicalPointsAtHomePage_IgnoredAsATemplateMistake()
    {
        var entry = new ParsedEntry { Link = "http://127.0.0.1/s1/a/1.html" };

        var article = Normalize(Input(entry, Page(canonical: "https://origin.example/")));

        Assert.Equal("http://127.0.0.1/s1/a/1.html", article.CanonicalUrl);
    }

    [Fact]
    public void Normalize_MissingDate_NoDateInventedAndFetchTimeKept()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a" }));

        Assert.Null(article.Published);
        Assert.Equal(FetchedAt, article.FetchedAt);
        Assert.Equal("none", article.Extraction.PublishedFrom);
    }

    [Fact]
    public void Normalize_EntryAndPageBothDated_FeedDateWinsAndSaysSo()
    {
        var page = Page() with { Published = FetchedAt.AddDays(-9), PublishedFrom = DateSource.JsonLd };

        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Published = FetchedAt.AddDays(-1) }, page));

        Assert.Equal(FetchedAt.AddDays(-1), article.Published);
        Assert.Equal("feed", article.Extraction.PublishedFrom);
    }

    [Fact]
    public void Normalize_OnlyEntryUpdated_FeedUpdatedDateUsedAndSaysSo()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Updated = FetchedAt.AddDays(-2) }));

        Assert.Equal(FetchedAt.AddDays(-2), article.Published);
        Assert.Equal("feed_updated", article.Extraction.PublishedFrom);
    }

    [Theory]
    [InlineData(DateSource.JsonLd, "json_ld")]
    [InlineData(DateSource.MetaTag, "meta")]
    [InlineData(DateSource.Microdata, "microdata")]
    [InlineData(DateSource.TimeElement, "time")]
    [InlineData(DateSource.VisibleText, "text")]
    [InlineData(DateSource.Url, "url")]
    public void Normalize_EntryUndatedPageDated_PageDateUsedAndItsSourceNamed(DateSource source, string expected)
    {
        var page = Page() with { Published = FetchedAt.AddDays(-9), PublishedFrom = source };

        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a" }, page));

        Assert.Equal(FetchedAt.AddDays(-9), article.Published);
        Assert.Equal(expected, article.Extraction.PublishedFrom);
    }

    [Fact]
    public void Normalize_PageWithoutBodyButWithMetadata_MetadataStillUsed()
    {
        var metadata = new ArticleMetadata
        {
            Title = "Opening hours",
            Byline = "Jane Doe",
            Published = FetchedAt.AddDays(-3),
            PublishedFrom = DateSource.MetaTag,
            Language = "de",
            LeadImage = "https://origin.example/a.jpg",
            CanonicalUrl = "https://origin.example/hours",
            SiteName = "Origin",
        };
        var failure = new PageFailure("no_article_text", "the page holds no article text");
        var input = Input(new ParsedEntry { Link = "http://127.0.0.1/a", Summary = "Feed summary." }, failure: failure) with { PageMetadata = metadata };

        var article = Normalize(input);

        Assert.Equal("feed", article.Extraction.Method);
        Assert.Equal(("Opening hours", "Jane Doe", "de", "https://origin.example/a.jpg", "https://origin.example/hours", "Origin"),
            (article.Title, article.Author, article.Language, article.LeadImage, article.CanonicalUrl, article.Source));
        Assert.Equal(FetchedAt.AddDays(-3), article.Published);
        Assert.Equal("meta", article.Extraction.PublishedFrom);
    }

    [Fact]
    public void Normalize_FutureDate_ClampedToFetchTime()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Published = FetchedAt.AddDays(3) }));

        Assert.Equal(FetchedAt, article.Published);
    }

    [Fact]
    public void Normalize_DateWithOffset_ConvertedToUtc()
    {
        var local = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(5.75));

        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Published = local }));

        Assert.Equal(TimeSpan.Zero, article.Published!.Value.Offset);
        Assert.Equal(local.UtcDateTime, article.Published.Value.UtcDateTime);
    }

    [Fact]
    public void Normalize_MissingGuid_FallsBackToTheLink()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a?utm_source=x" }));

        Assert.Equal("http://127.0.0.1/a?utm_source=x", article.Guid);
    }

    [Fact]
    public void Normalize_PageArticle_SanitizedAndMarkedAsPage()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Content = "<p>feed text</p>" }, Page()));

        Assert.Equal(ExtractionInfo.PageMethod, article.Extraction.Method);
        Assert.Equal("readability", article.Extraction.Path);
        Assert.DoesNotContain("script", article.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", article.ContentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Site Name", article.Source);
    }

    [Fact]
    public void Normalize_NoPage_FeedContentUsedAndReasonRecorded()
    {
        var entry = new ParsedEntry { Link = "http://127.0.0.1/a", Content = "<p>First.</p><p>Second.</p>", Summary = "Short." };

        var article = Normalize(Input(entry, failure: new PageFailure("NotFound", "fetch: not found (404)")));

        Assert.Equal(ExtractionInfo.FeedMethod, article.Extraction.Method);
        Assert.Equal("content", article.Extraction.Path);
        Assert.Equal("NotFound: fetch: not found (404)", article.Extraction.FallbackReason);
        Assert.Equal("First.\n\nSecond.", article.ContentText);
    }

    [Fact]
    public void Normalize_PageFarShorterThanFeedContent_FeedContentKept()
    {
        var entry = new ParsedEntry { Link = "http://127.0.0.1/a", Content = $"<p>{LongText}</p>" };
        var teaser = Page(words: 5) with { ContentText = "Subscribe to read more.", ContentHtml = "<p>Subscribe to read more.</p>" };

        var article = Normalize(Input(entry, teaser));

        Assert.Equal(ExtractionInfo.FeedMethod, article.Extraction.Method);
        Assert.StartsWith("page_too_short", article.Extraction.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Record_SnakeCaseFieldsAndUtcInstants()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Title = "T", Published = FetchedAt.AddHours(-3) }));

        var json = ArticleJson.Serialize(article);

        Assert.StartsWith("{\"schema_version\":1,\"schema_minor\":3,\"id\":", json, StringComparison.Ordinal);
        Assert.Contains($"\"story_id\":\"{article.Id}\",\"duplicate_of\":null,", json, StringComparison.Ordinal);
        Assert.Contains("\"published\":\"2025-06-02T09:00:00.000Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fetched_at\":\"2025-06-02T12:00:00.000Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"content_text\":", json, StringComparison.Ordinal);
        Assert.Contains("\"fallback_reason\":", json, StringComparison.Ordinal);
        Assert.Equal(article, ArticleJson.Deserialize(json) with { Categories = article.Categories });
    }

    [Fact]
    public void Serialize_InstantWithTicks_AlwaysMillisecondsAndZ()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Title = "T" })) with
        {
            FetchedAt = new DateTimeOffset(2025, 6, 2, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567),
        };

        var json = ArticleJson.Serialize(article);

        Assert.Contains("\"fetched_at\":\"2025-06-02T12:00:00.123Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_MarkupAndAccentsInText_WrittenAsThemselvesAndStillOneLine()
    {
        var article = Normalize(Input(new ParsedEntry { Link = "http://127.0.0.1/a", Title = "Café <b> & \"quotes\"", Summary = "line one\nline two" }));

        var json = ArticleJson.Serialize(article);

        Assert.Contains("\"title\":\"Café <b> & \\\"quotes\\\"\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
        Assert.Equal(article.Title, ArticleJson.Deserialize(json).Title);
    }

    [Fact]
    public void Normalize_EntryWithoutUsableLink_UrlNullNeverTheFeedsAndIdFromFeedAndGuid()
    {
        var first = Normalize(Input(new ParsedEntry { Id = "urn:entry:1", Title = "No link", Summary = "Some text." }));
        var second = Normalize(Input(new ParsedEntry { Id = "urn:entry:2", Link = "javascript:alert(1)", Title = "Bad link", Summary = "Other text." }));

        Assert.Null(first.Url);
        Assert.Null(first.CanonicalUrl);
        Assert.Null(second.Url);
        Assert.Equal(ArticleId.FromFeedAndGuid("http://127.0.0.1/feed.xml", "urn:entry:1"), first.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(ExtractionInfo.FeedMethod, first.Extraction.Method);
        Assert.Contains("\"url\":null,\"canonical_url\":null,", ArticleJson.Serialize(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_FeedListTitleAndCategory_CarriedAsFeedTitleAndFeedCategory()
    {
        var input = Input(new ParsedEntry { Link = "http://127.0.0.1/a", Title = "T" }) with { FeedTitle = "Top stories", FeedCategory = "world" };

        var article = Normalize(input);

        Assert.Equal("Top stories", article.FeedTitle);
        Assert.Equal("world", article.FeedCategory);
        Assert.Equal("Feed Title", article.Source);
        Assert.Contains("\"feed_title\":\"Top stories\",\"feed_category\":\"world\"", ArticleJson.Serialize(article), StringComparison.Ordinal);
    }
}
