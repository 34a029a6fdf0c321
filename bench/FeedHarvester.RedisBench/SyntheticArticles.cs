using FeedHarvester.Deduplication;
using FeedHarvester.Normalization;

namespace FeedHarvester.RedisBench;

/// <summary>Articles the size of a typical news item (about 3 KB of JSON), each with the usual three keys.</summary>
internal static class SyntheticArticles
{
    private static readonly DateTimeOffset Published = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly string Paragraphs = string.Join(
        "\n\n",
        Enumerable.Range(1, 6).Select(p => $"Paragraph {p} of a synthetic article, long enough to look like the body of a real news story with a few sentences in it. " +
            "It carries no meaning, only bytes, so that the benchmark moves records of a realistic size through Redis."));

    public static Article Create(string run, int n) => new()
    {
        Id = $"{run}-{n:D7}",
        StoryId = $"{run}-{n:D7}",
        Url = $"https://news.example/{run}/story/{n}",
        CanonicalUrl = $"https://news.example/{run}/story/{n}",
        FeedUrl = $"https://news.example/{run}/feed-{n % 50}.xml",
        Guid = $"urn:uuid:{run}-{n}",
        Title = $"Synthetic headline number {n}",
        Author = "Bench Writer",
        Published = Published.AddSeconds(n),
        Language = "en",
        Summary = "A synthetic summary of the story.",
        ContentHtml = "<p>" + Paragraphs.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>",
        ContentText = Paragraphs,
        Categories = ["world", "bench"],
        FetchedAt = Published.AddHours(1),
        Source = "News Example",
        Extraction = new ExtractionInfo(ExtractionInfo.PageMethod, "readability", 180),
    };

    public static DedupeKeys KeysOf(Article article) => new(
    [
        new DedupeKey(DedupeKeyKind.Url, article.Url),
        new DedupeKey(DedupeKeyKind.Guid, $"{article.FeedUrl}#{article.Guid}"),
        new DedupeKey(DedupeKeyKind.Content, $"sha256:{article.Id}"),
    ]);
}
