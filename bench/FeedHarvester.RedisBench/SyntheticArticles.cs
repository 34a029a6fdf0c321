using System.Text;
using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;

namespace FeedHarvester.RedisBench;

/// <summary>Articles the size of a typical news item (about 3 KB of JSON), each with the usual three keys.</summary>
internal static class SyntheticArticles
{
    /// <summary>Words per story text: about as long as the shared paragraphs, and far above the 50-word floor of signatures.</summary>
    private const int StoryWords = 200;

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
        new DedupeKey(DedupeKeyKind.Url, article.Url!),
        new DedupeKey(DedupeKeyKind.Guid, $"{article.FeedUrl}#{article.Guid}"),
        new DedupeKey(DedupeKeyKind.Content, $"sha256:{article.Id}"),
    ]);

    /// <summary>
    /// Article <paramref name="n"/> as copy <c>n % copies</c> of story <c>n / copies</c>: the story's own text (no two stories
    /// share a shingle) between the publishing site's lead-in and sign-off, so copies of one story are about 0.9 alike.
    /// </summary>
    public static Article CreateCopy(string run, int n, int copies)
    {
        var site = n % copies;
        var text = $"Reported by the staff of site {site}. {StoryText(run, n / copies)} Read more stories on site {site}.";
        return Create(run, n) with { ContentText = text, ContentHtml = "<p>" + text + "</p>" };
    }

    /// <summary>The usual keys plus the near-duplicate check the pipeline would build for the article's text.</summary>
    public static DedupeKeys KeysOf(Article article, NearDuplicatePolicy policy)
    {
        var signature = StorySignatureBuilder.TryBuild(article.ContentText, 50)
            ?? throw new InvalidOperationException($"Article {article.Id} is too short for a signature.");
        return KeysOf(article) with { NearDuplicates = NearDuplicateCheck.For(signature, MinHashTuning.DefaultSimilarity, policy) };
    }

    private static string StoryText(string run, int story)
    {
        // Consecutive seeds within a run: no two stories of one run can get the same text (a hash of run and story could).
        var random = new Random(unchecked(HashCode.Combine(run) + story));
        var text = new StringBuilder(StoryWords * 7);
        for (var word = 0; word < StoryWords; word++)
        {
            var length = random.Next(3, 10);
            for (var letter = 0; letter < length; letter++)
            {
                _ = text.Append((char)('a' + random.Next(26)));
            }

            _ = text.Append(word % 15 == 14 ? ". " : " ");
        }

        return text.ToString().TrimEnd();
    }
}
