using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedHarvester.Html;

namespace FeedHarvester.Parsing;

/// <summary>Turns text and content constructs into plain text (titles, authors …) or HTML strings (summary, content).</summary>
internal static partial class FeedText
{
    // AngleSharp parsers share a browsing context; one per thread keeps FeedParser safe to call concurrently.
    private static readonly ThreadLocal<HtmlParser> FragmentParser = new(() => new HtmlParser());

    [GeneratedRegex(@"<[A-Za-z/!?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupOrReference();

    [GeneratedRegex(@"[ \t\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex XmlWhitespace();

    /// <summary>Plain text of a text construct: inline markup flattened, escaped markup stripped, entities decoded once.</summary>
    /// <param name="element">The text construct.</param>
    /// <param name="untypedIsText">True for Atom, where a missing type means text; RSS text is sniffed for HTML instead.</param>
    public static string? Plain(XElement? element, bool untypedIsText = false)
    {
        if (element is null)
        {
            return null;
        }

        var value = element.HasElements ? string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value)) : element.Value;
        var literal = IsPlainTyped(element) || (untypedIsText && FeedElements.Attr(element, "type") is null && FeedElements.Attr(element, "mode") is null);
        if (!element.HasElements && !literal && MarkupOrReference().IsMatch(value))
        {
            value = HtmlToText(value);
        }

        return NullIfEmpty(XmlWhitespace().Replace(value, " ").Trim());
    }

    /// <summary>Plain text from a string that may hold HTML (JSON Feed titles, Media RSS descriptions).</summary>
    public static string? Plain(string? value) =>
        value is null ? null : NullIfEmpty(XmlWhitespace().Replace(LooksLikeTags(value) ? HtmlToText(value) : value, " ").Trim());

    /// <summary>
    /// Plain text of an untyped (RSS-style) text value handed over as a string, e.g. by CodeHollow: the same
    /// sniffing as <see cref="Plain(XElement?, bool)"/> for an untyped element, so both paths agree.
    /// </summary>
    public static string? PlainSniffed(string? value) =>
        value is null ? null : NullIfEmpty(XmlWhitespace().Replace(MarkupOrReference().IsMatch(value) ? HtmlToText(value) : value, " ").Trim());

    /// <summary>HTML of a content construct: inline XHTML serialized (Atom's wrapper div dropped), escaped markup decoded once.</summary>
    public static string? Html(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var mode = FeedElements.Attr(element, "mode");
        if (string.Equals(mode, "base64", StringComparison.OrdinalIgnoreCase))
        {
            return NullIfEmpty(DecodeBase64(element.Value));
        }

        // type="html" promises escaped markup; stray wrapper elements around it carry no meaning of their own.
        if (element.HasElements && IsHtmlTyped(element))
        {
            return NullIfEmpty(element.Value.Trim());
        }

        if (element.HasElements)
        {
            return NullIfEmpty(XhtmlSerializer.InnerHtml(UnwrapDiv(element)).Trim());
        }

        var value = element.Value;
        return NullIfEmpty(IsPlainTyped(element) ? XhtmlSerializer.Escape(value, attribute: false).Trim() : value.Trim());
    }

    private static XElement UnwrapDiv(XElement element)
    {
        var children = element.Elements().ToList();
        var onlyDiv = children.Count == 1 && children[0].Name.LocalName == "div"
            && !element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
        return onlyDiv && children[0].Name.Namespace == FeedNamespaces.XhtmlNamespace ? children[0] : element;
    }

    private static bool IsHtmlTyped(XElement element)
    {
        var type = FeedElements.Attr(element, "type")?.Trim().ToLowerInvariant();
        var mode = FeedElements.Attr(element, "mode")?.Trim().ToLowerInvariant();
        return type is "html" or "text/html" || mode is "escaped";
    }

    /// <summary>Atom type="text" (or a text/* media type other than HTML) is text; it must be escaped to be HTML.</summary>
    private static bool IsPlainTyped(XElement element)
    {
        var type = FeedElements.Attr(element, "type")?.Trim().ToLowerInvariant();
        return type is "text" or "text/plain" || (type is not null && type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("html", StringComparison.Ordinal));
    }

    private static bool LooksLikeTags(string value) =>
        value.Contains('<', StringComparison.Ordinal) && MarkupOrReference().Matches(value).Any(m => m.Value[0] == '<');

    private static string HtmlToText(string html)
    {
        // Markup too deep or too large to be a tree is reduced to its text without one.
        if (MarkupCensus.CheckHtml(html) != MarkupExcess.None)
        {
            return MarkupStripper.ToText(html);
        }

        var parser = FragmentParser.Value!;
        var document = parser.ParseDocument("<body></body>");
        var nodes = parser.ParseFragment(html, document.Body!);
        return string.Concat(nodes.Select(n => n.TextContent));
    }

    private static string? DecodeBase64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
        }
        catch (FormatException)
        {
            return value;
        }
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
