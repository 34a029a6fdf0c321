using System.Net;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FeedHarvester.Decoding;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Metadata;
using FeedHarvester.Extraction.Scoring;
using FeedHarvester.Html;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Extraction;

/// <summary>
/// Readability-style extraction: clean the tree, score containers by the paragraphs inside them, take the best
/// with its qualifying siblings, prune inside it. When the result is too short the strict rules are relaxed one
/// pass at a time; the page's JSON-LD articleBody is consulted as evidence of what the body should hold.
/// Thread-safe: each call builds its own document and state.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    /// <summary>Passes from strictest to loosest; the first long enough wins (Readability.js relaxes the same way).</summary>
    private static readonly (string Path, ExtractionFlags Flags)[] Passes =
    [
        ("readability", ExtractionFlags.All),
        ("relaxed-unlikely", ExtractionFlags.WeightClasses | ExtractionFlags.CleanConditionally),
        ("relaxed-weights", ExtractionFlags.CleanConditionally),
        ("relaxed-conditional", ExtractionFlags.None),
    ];

    private const string PageTextPath = "page-text";

    // AngleSharp's maintainers do not promise a parser is safe across threads, so keep one per thread.
    private readonly ThreadLocal<HtmlParser> _parser = new(CreateParser);
    private readonly ILogger _logger;
    private readonly ExtractionOptions _options;
    private readonly TimeProvider _time;

    public ArticleExtractor(ILogger<ArticleExtractor>? logger = null, ExtractionOptions? options = null, TimeProvider? timeProvider = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _options = options ?? new ExtractionOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The article, or null for any failure (see <see cref="TryExtract"/> for the reason).</summary>
    public ExtractedArticle? Extract(HtmlPage page) => TryExtract(page).Article;

    /// <summary>As <see cref="Extract(HtmlPage)"/>, recording removals and candidate scores into <paramref name="trace"/>.</summary>
    public ExtractedArticle? Extract(HtmlPage page, ExtractionTrace? trace) => Run(page, trace, CancellationToken.None).Article;

    public ExtractionOutcome TryExtract(HtmlPage page, CancellationToken cancellationToken = default) => Run(page, null, cancellationToken);

    private ExtractionOutcome Run(HtmlPage page, ExtractionTrace? trace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var budget = new WorkBudget(_options.PageTimeBudget, _time, cancellationToken);
        try
        {
            return ExtractWithin(page, trace, budget);
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken == budget.Token)
        {
            return ExtractionOutcome.Failed(ExtractionFailure.TimeBudgetExceeded,
                $"extraction was stopped after {budget.Limit.TotalSeconds:0.###} s (Extraction:PageTimeBudget)");
        }
    }

    private ExtractionOutcome ExtractWithin(HtmlPage page, ExtractionTrace? trace, WorkBudget budget)
    {
        var document = Parse(page, budget, out var refused);
        if (document is null)
        {
            return refused!;
        }

        budget.Check();
        var scan = PageScan.Of(document);
        var metadata = MetadataReader.Read(document, scan, page.Url);
        NoscriptImages.Unwrap(scan.Noscripts, budget);
        var debug = _logger.IsEnabled(LogLevel.Debug);
        trace ??= debug ? new ExtractionTrace() : null;

        var best = ChooseBody(new ParsedPage(document, scan, page.Url, metadata, trace), budget);
        if (best is null || best.Chars == 0)
        {
            ExtractionLog.NoArticle(_logger, page.Url);
            return ExtractionOutcome.Failed(ExtractionFailure.NoArticleText, "the page holds no article text", ToPublic(metadata, LanguageDetector.Detect(document.Body?.TextContent ?? "")));
        }

        var words = HtmlText.CountWords(best.Text);
        if (debug)
        {
            ExtractionLog.PathChosen(_logger, best.Path, page.Url, best.Chars, words, string.Join("; ", trace!.Passes));
        }

        return ExtractionOutcome.Of(new ExtractedArticle
        {
            ContentHtml = best.Html,
            ContentText = best.Text,
            Tree = best.Root,
            WordCount = words,
            Path = best.Path,
            Title = metadata.Title,
            Byline = metadata.Byline,
            Authors = metadata.Authors,
            Published = metadata.Published,
            PublishedFrom = metadata.PublishedFrom,
            Modified = metadata.Modified,
            // Declared language first (html lang, meta, JSON-LD); Content-Language is the caller's to apply.
            Language = metadata.Language ?? LanguageDetector.Detect(best.Text),
            LeadImage = metadata.LeadImage,
            CanonicalUrl = metadata.CanonicalUrl,
            SiteName = metadata.SiteName,
        });
    }

    /// <summary>
    /// Decodes and parses the page, or says why it is refused. The text lives in a pooled buffer only while the
    /// parser reads it: the tree holds copies of everything it keeps.
    /// </summary>
    private IHtmlDocument? Parse(HtmlPage page, WorkBudget budget, out ExtractionOutcome? refused)
    {
        using var html = PageDecoder.DecodePooled(page.Body.Span, page.ContentType, out var charsetNote);
        if (charsetNote is not null)
        {
            ExtractionLog.CharsetIgnored(_logger, page.Url, charsetNote);
        }

        // Refused from the text, before a parser spends time and memory on it. The tree needs no second check here:
        // AngleSharp attaches elements past depth 512 as siblings, and every walk below keeps its own stack.
        refused = Refusal(MarkupCensus.CheckHtml(html.Memory));
        if (refused is not null)
        {
            return null;
        }

        budget.Check();
        return _parser.Value!.ParseDocument(html.Memory);
    }

    /// <summary>The page's metadata as a failed outcome carries it, with the detected language where none is declared.</summary>
    private static ArticleMetadata ToPublic(PageMetadata metadata, string? detectedLanguage) =>
        metadata with { Language = metadata.Language ?? detectedLanguage };

    private static ExtractionOutcome? Refusal(MarkupExcess excess) => excess switch
    {
        MarkupExcess.TooDeeplyNested => ExtractionOutcome.Failed(ExtractionFailure.TooDeeplyNested,
            $"the page nests elements deeper than {MarkupLimits.MaxDepth} levels"),
        MarkupExcess.TooManyElements => ExtractionOutcome.Failed(ExtractionFailure.TooManyElements,
            $"the page has more than {MarkupLimits.MaxElements} elements"),
        _ => null,
    };

    /// <summary>
    /// The scored body, checked against a second opinion computed on the same parse when the page does not declare
    /// itself one article; then, when nothing scored, the fallbacks in steps: the main region, the page's text.
    /// </summary>
    private ExtractionAttempt? ChooseBody(ParsedPage page, WorkBudget budget)
    {
        var session = new NodeRemover(page.Trace?.Removals, budget);
        try
        {
            var scored = PreferStructuredBody(RunPasses(page, session), page.Metadata);
            var usable = scored is { Chars: >= ExtractionThresholds.MinParagraphChars };
            // A declared article is trusted to the scorer once it found an article's worth of text; a short result
            // there (a list page typed as an article, a body of lists and links) is checked like any other page.
            var trusted = scored is { Chars: >= ExtractionThresholds.MinArticleChars } && page.Metadata.Evidence.IsArticle;
            if (trusted || page.Document.Body is not { } body)
            {
                return scored;
            }

            // The second opinion reads the tree as parsed: the scored body keeps only its serialized form from here.
            session.Restore();
            scored = scored is null ? null : scored with { Root = null };
            var region = new MainRegionReader(session).Read(body, page.Scan.MainLandmarks, page.Metadata.Evidence.SpreadVotes > 0, scored?.Chars ?? 0);
            var choice = Agree(scored, usable, region, body, page.Metadata.Evidence.IsArticle);
            page.Trace?.Choice.AddRange([$"votes: {page.Metadata.Evidence}", $"{region.Path}: {region.Chars}", $"step: {choice.Path}"]);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                ExtractionLog.BodyChosen(_logger, page.Url, choice.Path, page.Metadata.Evidence.ToString(),
                    scored?.Chars ?? 0, region.Chars, choice.Chars);
            }
            return choice;
        }
        finally
        {
            session.Release();
        }
    }

    /// <summary>
    /// The scored body when it holds most of the main region (the region's surplus is furniture around it), or on a
    /// declared article (whose short body reaches this point) any more than a sliver of it; the region when the scored
    /// body is one piece of it; the region, then the page's whole text, when nothing scored.
    /// </summary>
    private static ExtractionAttempt Agree(ExtractionAttempt? scored, bool usable, ExtractionAttempt region, IElement body, bool declaredArticle)
    {
        if (!usable)
        {
            return region.Chars >= ExtractionThresholds.MinParagraphChars || body.TextContent.Length == 0
                ? region
                : PageText(body, scored, region);
        }

        var share = declaredArticle ? ExtractionThresholds.MinShareOfMainRegionForArticle : ExtractionThresholds.MinShareOfMainRegion;
        return scored!.Chars >= region.ProseChars * share
            ? scored
            : region;
    }

    /// <summary>The last step: the longest of what was found, or the text of the whole (restored) page.</summary>
    private static ExtractionAttempt PageText(IElement body, ExtractionAttempt? scored, ExtractionAttempt region)
    {
        var longest = (scored?.Chars ?? 0) >= region.Chars ? scored ?? region : region;
        if (longest.Chars > 0)
        {
            return longest;
        }

        var text = HtmlText.FromNode(body);
        return new ExtractionAttempt(PageTextPath, HtmlWriter.OuterHtml(body), text);
    }

    private ExtractionAttempt? RunPasses(ParsedPage page, NodeRemover session)
    {
        ExtractionAttempt? best = null;
        foreach (var (path, flags) in Passes)
        {
            session.Budget.Check();
            if (best is not null)
            {
                // Each pass removes nodes; put the parsed tree back instead of parsing the page again. The best body
                // so far then no longer stands in the tree as it was chosen: only its serialized form is kept.
                session.Restore();
                best = best with { Root = null };
            }

            var (attempt, removed) = RunPass(page, path, flags, session);
            page.Trace?.Passes.Add($"{path}: {attempt.Chars}");
            ExtractionLog.PassTried(_logger, path, page.Url, attempt.Chars, removed);
            if (best is null || attempt.Chars > best.Chars)
            {
                best = attempt;
            }

            if (attempt.Chars >= ExtractionThresholds.MinArticleChars)
            {
                return attempt;
            }
        }

        return best;
    }

    private (ExtractionAttempt Attempt, int Removed) RunPass(ParsedPage page, string path, ExtractionFlags flags, NodeRemover session)
    {
        var body = page.Document.Body;
        if (body is null)
        {
            return (new ExtractionAttempt(path, "", ""), 0);
        }

        new TreeCleaner(session, flags).Clean(body);
        var scorer = new CandidateScorer(flags, session);
        var ranked = scorer.Score(body);
        TraceCandidates(ranked, path, page.Url, page.Trace);

        var top = CandidateSelector.Select(ranked, scorer, body) ?? body;
        var article = SiblingMerger.Merge(top, scorer, session);
        new ContentPruner(session, flags).Prune(article, page.Metadata.Title);
        var text = HtmlText.FromNode(article, session.Budget.Step);
        return (new ExtractionAttempt(path, HtmlWriter.OuterHtml(article), text, article), session.Removed);
    }

    private void TraceCandidates(List<KeyValuePair<IElement, double>> ranked, string path, Uri url, ExtractionTrace? trace)
    {
        if (trace is null)
        {
            return;
        }

        var lines = ranked.Take(ExtractionThresholds.TopCandidates)
            .Select(c => $"{DomRules.Describe(c.Key)} => {c.Value:F1}").ToList();
        trace.Candidates.AddRange(lines);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            ExtractionLog.Candidates(_logger, url, path, string.Join(" | ", lines));
        }
    }

    /// <summary>
    /// The page's JSON-LD articleBody is evidence, not truth: it is often a summary or truncated. It replaces the
    /// DOM result only when it is long and the DOM result clearly missed most of it.
    /// </summary>
    private static ExtractionAttempt? PreferStructuredBody(ExtractionAttempt? best, PageMetadata metadata)
    {
        var structured = metadata.StructuredBody;
        if (structured is null || structured.Length < ExtractionThresholds.MinStructuredBodyChars)
        {
            return best;
        }

        var text = structured.Contains('<') ? HtmlText.ToPlainText(structured) : NormalizeParagraphs(structured);
        var structuredWords = HtmlText.CountWords(text);
        var domWords = best is null ? 0 : HtmlText.CountWords(best.Text);
        if (domWords >= structuredWords * ExtractionThresholds.MinShareOfStructuredBody)
        {
            return best;
        }

        return new ExtractionAttempt("json-ld", ToHtml(text), text);
    }

    private static string NormalizeParagraphs(string text)
    {
        // JSON-LD carries HTML-escaped text often ("Fish &amp; chips") even where it holds no markup.
        var paragraphs = WebUtility.HtmlDecode(text).Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n\n", paragraphs.Select(TitleFinder.Collapse).Where(p => p.Length != 0));
    }

    private static string ToHtml(string text)
    {
        var html = new StringBuilder("<div>");
        foreach (var paragraph in text.Split("\n\n"))
        {
            _ = html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>The parsed page every pass works on, and where its decisions are recorded (when asked for).</summary>
    private sealed record ParsedPage(IDocument Document, PageScan Scan, Uri Url, PageMetadata Metadata, ExtractionTrace? Trace);

    internal static HtmlParser CreateParser() => new(new HtmlParserOptions
    {
        IsScripting = false,
        SkipComments = true,
        SkipRawText = true, // style contents: never shown, never needed
        DisableElementPositionTracking = true,
        IsNotSupportingFrames = true,
    },
    // The attribute observer reacts to attributes as a browser would (resolving link rel=stylesheet, base href,
    // image sources); the extractor reads attributes as text only, so that work is skipped.
    BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>()));
}
