using FeedHarvester.Cleaning;
using FeedHarvester.Extraction;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// Runs one input through the pipeline's pure stages the way <c>EntryHarvester</c> does: a feed is parsed and
/// each entry's chosen body sanitized and normalized (as an article whose page gave nothing); a page is extracted and
/// its article sanitized and normalized. Each stage is announced before it starts, so a crash is attributed.
/// </summary>
internal sealed class StagePipeline
{
    /// <summary>
    /// Production normalizes every entry as its own article, each with its own cost; one input here is one feed
    /// fetch, so a feed mutated to 100,000 items is normalized for its first entries only (parse still reads all).
    /// </summary>
    public const int MaxEntriesNormalized = 50;

    private static readonly Uri FeedUrl = new("https://news.example.com/feeds/main.xml");
    private static readonly Uri PageUrl = new("https://news.example.com/2024/03/15/story.html");
    private static readonly DateTimeOffset FetchedAt = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly FeedParser _parser = new();
    private readonly ArticleExtractor _extractor = new();
    private readonly HtmlCleaner _cleaner = new(new ExtractionOptions().PageTimeBudget, TimeProvider.System, NullLogger<HtmlCleaner>.Instance);
    private readonly ArticleNormalizer _normalizer = new();

    public void Run(FuzzInput input, Action<string> enter)
    {
        if (input.Kind == InputKind.Feed)
        {
            RunFeed(input, enter);
        }
        else
        {
            RunPage(input, enter);
        }
    }

    private void RunFeed(FuzzInput input, Action<string> enter)
    {
        enter(Stage.Parse);
        var parsed = _parser.Parse(new FeedDocument(input.Body, input.ContentType, FeedUrl));
        if (!parsed.IsFailure && DtdOracle.DeclaresEntities(input.Body))
        {
            throw new InvariantViolationException(
                $"a DTD declaring entities was not refused: parsed as {parsed.Format} ({string.Join("; ", parsed.Errors)})");
        }

        foreach (var entry in parsed.Entries.Take(MaxEntriesNormalized))
        {
            CleanAndNormalize(new NormalizationInput(FeedUrl.AbsoluteUri, parsed.Feed, entry, null, null, new PageFailure("fuzz", "page not fetched"), FetchedAt), enter);
        }
    }

    private void RunPage(FuzzInput input, Action<string> enter)
    {
        enter(Stage.Extract);
        var article = _extractor.Extract(new HtmlPage(input.Body, input.ContentType, PageUrl));
        if (article is null)
        {
            return;
        }

        var entry = new ParsedEntry { Id = PageUrl.AbsoluteUri, Link = PageUrl.AbsoluteUri, Title = "Fuzzed page" };
        CleanAndNormalize(new NormalizationInput(FeedUrl.AbsoluteUri, new ParsedFeed(), entry, article, PageUrl, null, FetchedAt), enter);
    }

    // The entry harvester's clean and normalize steps: the chosen body sanitized, then the record made and serialized.
    private void CleanAndNormalize(NormalizationInput input, Action<string> enter)
    {
        enter(Stage.Sanitize);
        var body = _normalizer.ChooseBody(input);
        var clean = body with { Html = _cleaner.Clean(body.Html, body.BaseUrl) };
        enter(Stage.Normalize);
        _ = ArticleJson.Serialize(_normalizer.Normalize(input, clean));
    }
}
