using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedHarvester.Settings;

namespace FeedHarvester.Feeds;

/// <summary>
/// Reads a feed list file: OPML (any &lt;outline xmlUrl&gt;, nested folders become categories), an HTML page (the feeds
/// its &lt;link rel="alternate"&gt; tags advertise) or a plain list (<see cref="PlainFeedList"/>). Each entry is checked by
/// <see cref="FeedEntryRules"/>; a bad one is reported with its file and line and skipped, the rest are kept. A file
/// with no feed at all says so.
/// </summary>
public static partial class FeedListReader
{
    /// <param name="intervalFloor">Scheduling:IntervalFloor, below which a feed's interval is refused; null checks only that it is positive.</param>
    public static FeedListResult Read(string path, TimeSpan? intervalFloor = null)
    {
        var text = File.ReadAllText(path);
        return KindOf(text) switch
        {
            FeedListKind.Opml => ReadOpml(text, path, intervalFloor),
            FeedListKind.Html => ReadHtml(text, path),
            _ => ReadPlain(text, path, intervalFloor),
        };
    }

    public static FeedListResult ReadPlain(string text, string source, TimeSpan? intervalFloor = null)
    {
        var entries = new List<(FeedDefinition Feed, int Line)>();
        var errors = new List<string>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var parsed = PlainFeedList.Parse(line.TrimEnd('\r'), intervalFloor);
            if (parsed.Problem is not null)
            {
                errors.Add($"{source}:{lineNumber}: {parsed.Problem}");
            }
            else if (parsed.Feed is { } feed)
            {
                entries.Add((feed, lineNumber));
            }
        }

        return Finish(entries, errors, source, "a plain list has one feed URL a line");
    }

    public static FeedListResult ReadOpml(string text, string source, TimeSpan? intervalFloor = null)
    {
        var entries = new List<(FeedDefinition Feed, int Line)>();
        var errors = new List<string>();
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), SafeSettings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            errors.Add($"{source}:{Position(ex, text)}: {Describe(ex)}");
            return new FeedListResult([], errors);
        }

        foreach (var outline in document.Descendants("outline"))
        {
            var xmlUrl = outline.Attribute("xmlUrl")?.Value ?? outline.Attribute("xmlurl")?.Value;
            if (xmlUrl is null)
            {
                continue;
            }

            var line = ((IXmlLineInfo)outline).LineNumber;
            if (!FeedEntryRules.TryParseUrl(xmlUrl, out var url, out var why))
            {
                errors.Add($"{source}:{line}: {why}");
                continue;
            }

            if (IntervalOf(outline, intervalFloor, out var interval) is { } problem)
            {
                errors.Add($"{source}:{line}: {url.AbsoluteUri}: {problem}");
                continue;
            }

            entries.Add((new FeedDefinition(
                url,
                Interval: interval,
                Title: outline.Attribute("title")?.Value ?? outline.Attribute("text")?.Value,
                Category: outline.Attribute("category")?.Value ?? FolderOf(outline),
                Enabled: !string.Equals(outline.Attribute("enabled")?.Value, "false", StringComparison.OrdinalIgnoreCase),
                UserAgent: string.IsNullOrWhiteSpace(outline.Attribute("userAgent")?.Value) ? null : outline.Attribute("userAgent")!.Value.Trim()), line));
        }

        return Finish(entries, errors, source, "an OPML file lists each feed as <outline xmlUrl=\"…\">");
    }

    /// <summary>The feeds a page advertises (autodiscovery): absolute links only, as a file has no address to resolve others against.</summary>
    public static FeedListResult ReadHtml(string text, string source)
    {
        var entries = new List<(FeedDefinition Feed, int Line)>();
        var errors = new List<string>();
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = false }).ParseDocument(text);
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) || !FeedTypes.Contains(link.GetAttribute("type")?.Trim() ?? string.Empty))
            {
                continue;
            }

            var line = link.SourceReference?.Position.Line ?? 0;
            var href = link.GetAttribute("href")!;
            if (!Uri.TryCreate(href.Trim(), UriKind.Absolute, out _))
            {
                errors.Add($"{source}:{line}: feed link '{href}' is relative; a saved page has no address to resolve it against (use the absolute URL)");
                continue;
            }

            if (!FeedEntryRules.TryParseUrl(href, out var url, out var why))
            {
                errors.Add($"{source}:{line}: {why}");
                continue;
            }

            entries.Add((new FeedDefinition(url, Title: string.IsNullOrWhiteSpace(link.GetAttribute("title")) ? null : link.GetAttribute("title")), line));
        }

        return Finish(entries, errors, source, "a page advertises its feeds as <link rel=\"alternate\" type=\"application/rss+xml\" href=\"…\">");
    }

    /// <summary>What a file looks like from its first bytes: OPML (XML), an HTML page, or a plain list.</summary>
    public static FeedListKind KindOf(string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (!start.StartsWith("<", StringComparison.Ordinal))
        {
            return FeedListKind.Plain;
        }

        return HtmlStart().IsMatch(start.Length > 1024 ? start[..1024].ToString() : start.ToString()) ? FeedListKind.Html : FeedListKind.Opml;
    }

    private static readonly XmlReaderSettings SafeSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
    };

    // Every feed after its first appearance is reported, not dropped unseen.
    private static FeedListResult Finish(List<(FeedDefinition Feed, int Line)> entries, List<string> errors, string source, string hint)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var feeds = new List<FeedDefinition>();
        foreach (var (feed, line) in entries)
        {
            if (firstLine.TryGetValue(feed.Url.AbsoluteUri, out var first))
            {
                errors.Add($"{source}:{line}: {feed.Url.AbsoluteUri} is already listed on line {first}; this entry is skipped");
                continue;
            }

            firstLine[feed.Url.AbsoluteUri] = line;
            feeds.Add(feed);
        }

        if (feeds.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{source}: no feeds found ({hint})");
        }

        return new FeedListResult(feeds, errors);
    }

    // The reader gives no position when it refuses a DTD; the declaration's own line is the place to point at.
    private static string Position(XmlException exception, string text)
    {
        if (exception.LineNumber > 0)
        {
            return $"{exception.LineNumber}:{exception.LinePosition}";
        }

        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        return doctype < 0 ? "1" : (text.AsSpan(0, doctype).Count('\n') + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // XmlException messages speak to developers ("set the DtdProcessing property on XmlReaderSettings") and repeat the position.
    private static string Describe(XmlException exception)
    {
        if (exception.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return "the file has a <!DOCTYPE …> declaration, which a feed list may not have (it can define entities that expand without end); remove it";
        }

        var message = PositionSuffix().Replace(exception.Message, string.Empty);
        return $"not well-formed XML: {message.TrimEnd('.')}";
    }

    private static string? IntervalOf(XElement outline, TimeSpan? floor, out TimeSpan? interval)
    {
        interval = null;
        var text = outline.Attribute("interval")?.Value;
        if (text is null)
        {
            return null;
        }

        if (!Duration.TryParse(text, out var value, out var problem))
        {
            return "interval " + problem;
        }

        interval = value;
        return FeedEntryRules.IntervalProblem(value, floor);
    }

    private static string? FolderOf(XElement outline) =>
        outline.Parent is { Name.LocalName: "outline" } parent
            ? parent.Attribute("title")?.Value ?? parent.Attribute("text")?.Value
            : null;

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"^<(!doctype\s+html|html[\s>]|head[\s>]|!--)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStart();
}
