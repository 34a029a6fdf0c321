using FeedHarvester.Extraction;

namespace FeedHarvester.Tests.Extraction;

/// <summary>
/// Golden pages, one folder per trap (TestData/pages/&lt;slug&gt;), found by folder: the body must equal expected.txt
/// (an empty one: the page holds no article), the metadata must match expected-metadata.json, and the snippets must
/// (not) appear. The expected files are written by hand: they are what a reader would call the article and its
/// metadata, not whatever the extractor produced.
/// </summary>
public sealed class GoldenFixtureTests
{
    private readonly ArticleExtractor _extractor = new();

    public static TheoryData<string> Slugs => [.. PageFixture.Slugs()];

    public static TheoryData<string> SlugsWithSnippets => [.. PageFixture.Slugs().Where(s => PageFixture.Has(s, "snippets.json"))];

    public static TheoryData<string> SlugsWithMetadata => [.. PageFixture.Slugs().Where(s => PageFixture.Has(s, "expected-metadata.json"))];

    [Fact]
    public void Fixtures_EveryFolder_HoldsSourceExpectedTextAndMetadata()
    {
        var slugs = PageFixture.Slugs();

        Assert.NotEmpty(slugs);
        Assert.All(slugs, slug =>
        {
            Assert.True(PageFixture.Has(slug, "source.html"), $"{slug}: no source.html");
            Assert.True(PageFixture.Has(slug, "expected.txt"), $"{slug}: no expected.txt");
            Assert.True(PageFixture.Load(slug).ExpectedText is "" || PageFixture.Has(slug, "expected-metadata.json"),
                $"{slug}: an article without expected-metadata.json");
        });
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Extract_GoldenPage_BodyEqualsExpectedText(string slug)
    {
        var fixture = PageFixture.Load(slug);

        var article = _extractor.Extract(fixture.Page());

        if (fixture.ExpectedText is "")
        {
            Assert.Null(article);
            return;
        }

        Assert.NotNull(article);
        Assert.Equal(fixture.ExpectedText, article.ContentText);
    }

    [Theory]
    [MemberData(nameof(SlugsWithSnippets))]
    public void Extract_GoldenPage_SnippetsHold(string slug)
    {
        var fixture = PageFixture.Load(slug);

        var text = _extractor.Extract(fixture.Page())!.ContentText;

        Assert.All(fixture.With, s => Assert.Contains(s, text, StringComparison.Ordinal));
        Assert.All(fixture.Without, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SlugsWithMetadata))]
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
                "canonicalUrl" => article.CanonicalUrl,
                "path" => article.Path,
                "leadImage" => article.LeadImage,
                _ => throw new InvalidOperationException($"Unknown metadata field '{property.Name}' in {slug}"),
            };
            Assert.True(property.Value.GetString() == actual, $"{slug}: {property.Name} expected '{property.Value.GetString()}', got '{actual}'");
        }
    }

    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
