using FeedHarvester.Deduplication;
using FeedHarvester.Normalization;

namespace FeedHarvester.Tests.Shared;

/// <summary>Builds small, valid articles and their keys for the store and sink tests of both back ends.</summary>
internal static class TestArticles
{
    public const string FeedUrl = "https://example.org/feed.xml";

    private static readonly DateTimeOffset Published = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public static Article Create(int n) => new()
    {
        Id = $"article-{n:D4}",
        StoryId = $"article-{n:D4}",
        Url = $"https://example.org/a/{n}",
        CanonicalUrl = $"https://example.org/a/{n}",
        FeedUrl = FeedUrl,
        Guid = $"guid-{n}",
        Title = $"Article {n} — ünïcode \"quoted\"\nnewline",
        Author = "Jane Doe",
        Published = Published.AddMinutes(n),
        Summary = "A summary.",
        ContentHtml = $"<p>Body of article {n}.</p>",
        ContentText = $"Body of article {n}.",
        Categories = ["world", "tech"],
        FetchedAt = Published.AddHours(1),
        Extraction = new ExtractionInfo(ExtractionInfo.PageMethod, "readability", 4),
    };

    public static DedupeKeys KeysOf(Article article) => new(
    [
        new DedupeKey(DedupeKeyKind.Url, article.Url!),
        new DedupeKey(DedupeKeyKind.Guid, $"{article.FeedUrl}#{article.Guid}"),
        new DedupeKey(DedupeKeyKind.Content, $"sha:{article.Id}"),
    ]);
}
