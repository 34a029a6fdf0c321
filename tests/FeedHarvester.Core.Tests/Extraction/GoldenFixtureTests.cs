using System.Text.Json;
using FeedHarvester.Extraction;

namespace FeedHarvester.Tests.Extraction;

/// <summary>
/// Golden pages, one folder per trap (TestData/pages/&lt;slug&gt;): the body must equal expected.txt, the metadata
/// must match expected-metadata.json, and the snippets must (not) appear. expected.txt is written by hand: it is
/// what a reader would call the article, not whatever the extractor produced.
/// </summary>
public sealed class GoldenFixtureTests
{
    private readonly ArticleExtractor _extractor = new();

    public static TheoryData<string> Slugs =>
    [
        "top-stories-and-local-spotlight-teasers", "inline-read-more-teaser", "newsletter-box-inside-article",
        "live-blog", "json-ld-body-only", "non-english-page",
    ];

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Extract_GoldenPage_BodyEqualsExpectedText(string slug)
    {
        var fixture = PageFixture.Load(slug);

        var article = _extractor.Extract(fixture.Page());

        Assert.NotNull(article);
        Assert.Equal(fixture.ExpectedText, article.ContentText);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Extract_GoldenPage_SnippetsHold(string slug)
    {
        var fixture = PageFixture.Load(slug);

        var text = _extractor.Extract(fixture.Page())!.ContentText;

        Assert.All(fixture.With, s => Assert.Contains(s, text, StringComparison.Ordinal));
        Assert.All(fixture.Without, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Extract_GoldenPage_MetadataMatches(string slug)
    {
        var fixture = PageFixture.Load(slug);

        var article = _extractor.Extract(fixture.Page())!;

        var expected = fixture.Metadata!.Value;
        foreach (var property in expected.EnumerateObject())
        {
            var actual = property.Name switch
            {
                "title" => article.Title,
                "byline" => article.Byline,
                "published" => Iso(article.Published),
                "modified" => Iso(article.Modified),
                "language" => article.Language,
                "siteName" => article.SiteName,
                "path" => article.Path,
                "leadImage" => article.LeadImage,
                _ => throw new InvalidOperationException($"Unknown metadata field '{property.Name}' in {slug}"),
            };
            Assert.True(property.Value.GetString() == actual, $"{slug}: {property.Name} expected '{property.Value.GetString()}', got '{actual}'");
        }
    }

    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
