using System.Collections.Frozen;
using System.Net;
using AngleSharp;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FeedHarvester.Html;
using Ganss.Xss;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Cleaning;

/// <summary>
/// Sanitizes article HTML with an article-content policy: text structure, links, images, figures and tables;
/// no scripts, styles, frames, forms, event handlers or style attributes; URLs absolute and http/https/mailto only.
/// One instance serves all threads: HtmlSanitizer's Sanitize is thread-safe once configured (its README,
/// "Thread safety"), and the base URL is passed per call, not stored. A body that takes longer than its time budget
/// (the page's Extraction:PageTimeBudget, counted again for this step) keeps its words as one escaped paragraph.
/// </summary>
public sealed class HtmlCleaner
{
    private static readonly string[] AllowedTags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite", "pre",
        "code", "em", "strong", "b", "i", "u", "s", "small", "mark", "abbr", "time", "a", "img", "figure", "figcaption",
        "picture", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "br", "hr",
        "sup", "sub", "span", "div", "section", "article",
        "header", "footer", "main", "aside", "nav", "details", "summary", "address", "hgroup", "menu",
        "iframe", // only players on MediaPolicy.EmbedHosts get this far (ImageNormalizer drops the rest)
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "src", "alt", "title", "width", "height", "datetime", "colspan", "rowspan", "scope", "cite",
        "allowfullscreen",
    ];

    private static readonly FrozenSet<string> AllowedTagSet = FrozenSet.ToFrozenSet(AllowedTags, StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements dropped with everything inside; other disallowed elements are unwrapped (blocks become a div) to keep their text.</summary>
    private static readonly FrozenSet<string> DropWithContent = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "frame", "frameset", "object", "embed", "applet",
        "input", "button", "select", "textarea", "option", "svg", "math", "canvas", "audio", "video", "source", "track",
        "link", "meta", "base", "head", "title", "dialog",
    ], StringComparer.OrdinalIgnoreCase);

    private readonly HtmlSanitizer _sanitizer;

    // One parser per thread: AngleSharp does not promise a parser is safe to share between threads.
    private readonly ThreadLocal<HtmlParser> _parser = new(() => new HtmlParser());

    private readonly TimeSpan _timeBudget;
    private readonly TimeProvider _time;
    private readonly ILogger<HtmlCleaner> _logger;

    public HtmlCleaner(TimeSpan timeBudget, TimeProvider time, ILogger<HtmlCleaner> logger)
    {
        _timeBudget = timeBudget;
        _time = time;
        _logger = logger;
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        })
        {
            KeepChildNodes = true,
        };
        _sanitizer.RemovingTag += DropDangerousContent;
    }

    /// <summary>A cleaner without a time budget, for tools and tests that want the whole answer.</summary>
    public static HtmlCleaner Unbounded() => new(Timeout.InfiniteTimeSpan, TimeProvider.System, NullLogger<HtmlCleaner>.Instance);

    /// <summary>
    /// Returns the sanitized fragment with URLs made absolute against <paramref name="baseUrl"/>: lazy-loaded images
    /// get their real src, tracking pixels and iframes from unlisted hosts are gone (<see cref="MediaPolicy"/>).
    /// </summary>
    public string Clean(string html, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (html.Length == 0)
        {
            return "";
        }

        // Markup too deep or too large to be a tree (the census) keeps its words as one escaped paragraph.
        if (MarkupCensus.CheckHtml(html) != MarkupExcess.None)
        {
            return MarkupStripper.ToParagraph(html);
        }

        // Parsed here rather than inside Sanitize so images can be fixed while their data-* attributes still exist.
        using var document = _parser.Value!.ParseDocument("<html><body>" + html);
        var body = document.Body!;
        if (DomShape.Check(body) != MarkupExcess.None)
        {
            return MarkupStripper.ToParagraph(html);
        }

        using var budget = new WorkBudget(_timeBudget, _time);
        try
        {
            var sanitized = SanitizeWithin(document, body, baseUrl, budget);
            return HtmlWriter.InnerHtml(sanitized).Trim();
        }
        catch (OperationCanceledException) when (budget.Token.IsCancellationRequested)
        {
            CleaningLog.TimeBudgetExceeded(_logger, baseUrl, _timeBudget.TotalSeconds);
            return MarkupStripper.ToParagraph(html);
        }
    }

    /// <summary>
    /// Sanitizes a body where it was parsed, the element the extractor chose in the page's own tree, instead of
    /// serializing it and parsing that again: one tree, and both the HTML and the text read from it once it is clean.
    /// The element is taken out of its page (the page is not used after this). A body past the time budget keeps its
    /// words as one escaped paragraph, as <see cref="Clean(string, Uri)"/> does.
    /// </summary>
    public CleanedBody Clean(IElement root, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (DomShape.Check(root) != MarkupExcess.None)
        {
            return AsParagraph(root);
        }

        // Moved into a document of its own, as the body of a fragment parsed on its own: the chosen element is then
        // treated (kept, unwrapped or dropped) as one of the body's children, exactly as before it was serialized,
        // and the sanitizer's look at the document's style sheets sees the body's, not every one of the page's.
        using var document = _parser.Value!.ParseDocument("<html><body>");
        var body = document.Body!;
        _ = body.AppendChild(root);
        using var budget = new WorkBudget(_timeBudget, _time);
        try
        {
            var sanitized = SanitizeWithin(document, body, baseUrl, budget);
            return new CleanedBody(HtmlWriter.InnerHtml(sanitized).Trim(), HtmlText.FromNode(sanitized, budget.Step));
        }
        catch (OperationCanceledException) when (budget.Token.IsCancellationRequested)
        {
            CleaningLog.TimeBudgetExceeded(_logger, baseUrl, _timeBudget.TotalSeconds);
            return AsParagraph(body);
        }
    }

    /// <summary>
    /// Drops and unwraps tags while copying (when any is to go), so the sanitizer only has attributes left to filter;
    /// returns the container whose children are the clean body.
    /// </summary>
    private IHtmlElement SanitizeWithin(IHtmlDocument document, IHtmlElement container, Uri baseUrl, WorkBudget budget)
    {
        var sanitized = container;
        Func<IElement, ElementTreatment> treat = element => Treat(element, baseUrl);
        if (!TreeCopier.KeepsAll(container, treat, budget))
        {
            sanitized = (IHtmlElement)TreeCopier.Copy(container, treat, budget);
        }

        budget.Check();
        _ = _sanitizer.SanitizeDom(document, sanitized, baseUrl.AbsoluteUri);
        return sanitized;
    }

    private static CleanedBody AsParagraph(IElement element)
    {
        var text = MarkupStripper.Collapse(element.TextContent);
        return new CleanedBody(text.Length == 0 ? "" : "<p>" + WebUtility.HtmlEncode(text) + "</p>", text);
    }

    private static ElementTreatment Treat(IElement element, Uri baseUrl)
    {
        if (DropWithContent.Contains(element.LocalName))
        {
            return ElementTreatment.Drop;
        }

        if (!AllowedTagSet.Contains(element.LocalName))
        {
            // A form is unwrapped rather than dropped: forum threads and comment lists are often one big form, and its
            // inputs and buttons go anyway.
            return HtmlElements.Block.Contains(element.LocalName) ? ElementTreatment.AsDivision : ElementTreatment.Unwrap;
        }

        return ImageNormalizer.Keeps(element, baseUrl) ? ElementTreatment.Keep : ElementTreatment.Drop;
    }

    /// <summary>
    /// KeepChildNodes keeps the text of unwrapped &lt;div&gt;s and &lt;font&gt;s, but a script's source or a form's
    /// labels are not article text: remove those elements whole. Stateless, so safe on the shared instance.
    /// </summary>
    private static void DropDangerousContent(object? sender, RemovingTagEventArgs e)
    {
        if (DropWithContent.Contains(e.Tag.LocalName))
        {
            e.Tag.Remove();
            e.Cancel = true;
        }
    }
}
