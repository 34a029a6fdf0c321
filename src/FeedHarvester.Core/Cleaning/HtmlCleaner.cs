using System.Collections.Frozen;
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
        "iframe", // only players on MediaPolicy.EmbedHosts get this far (ImageNormalizer drops the rest)
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "src", "alt", "title", "width", "height", "datetime", "colspan", "rowspan", "scope", "cite",
        "allowfullscreen",
    ];

    private static readonly FrozenSet<string> AllowedTagSet = FrozenSet.ToFrozenSet(AllowedTags, StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements dropped with everything inside; other disallowed elements are unwrapped to keep their text.</summary>
    private static readonly FrozenSet<string> DropWithContent = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "frame", "frameset", "object", "embed", "applet", "form",
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
            // Tags are dropped and unwrapped while copying, so the sanitizer below only has attributes to filter.
            var copy = body;
            Func<IElement, ElementTreatment> treat = element => Treat(element, baseUrl);
            if (!TreeCopier.KeepsAll(body, treat, budget))
            {
                copy = (IHtmlElement)TreeCopier.Copy(body, treat, budget);
                document.DocumentElement.ReplaceChild(copy, body);
            }

            budget.Check();
            _ = _sanitizer.SanitizeDom(document, copy, baseUrl.AbsoluteUri);
            return HtmlWriter.InnerHtml(copy).Trim();
        }
        catch (OperationCanceledException) when (budget.Token.IsCancellationRequested)
        {
            CleaningLog.TimeBudgetExceeded(_logger, baseUrl, _timeBudget.TotalSeconds);
            return MarkupStripper.ToParagraph(html);
        }
    }

    private static ElementTreatment Treat(IElement element, Uri baseUrl)
    {
        if (DropWithContent.Contains(element.LocalName))
        {
            return ElementTreatment.Drop;
        }

        if (!AllowedTagSet.Contains(element.LocalName))
        {
            return ElementTreatment.Unwrap;
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
