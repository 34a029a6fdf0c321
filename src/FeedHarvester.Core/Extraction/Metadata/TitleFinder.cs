using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// The headline: the page's own h1 when it agrees with what the page declares as its title (og:title, JSON-LD
/// headline, &lt;title&gt;), so an h1 from a site header, a logo or an author box is not taken for it; otherwise
/// og:title, JSON-LD headline, the first h1, then &lt;title&gt;; without a site-name suffix.
/// </summary>
internal static class TitleFinder
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld, string? siteName)
    {
        var declared = meta.First("og:title", "twitter:title");
        var agreed = AgreeingH1(document, [declared, ld?.Headline, document.Title], siteName);
        var raw = agreed ?? declared ?? ld?.Headline ?? FirstH1(document) ?? document.Title;
        return string.IsNullOrWhiteSpace(raw) ? null : StripSiteName(Collapse(raw), siteName);
    }

    /// <summary>
    /// The first h1 outside page chrome whose text is, or is part of, a declared title (or holds it): the visible
    /// headline, in the words the page shows.
    /// </summary>
    private static string? AgreeingH1(IDocument document, string?[] declared, string? siteName)
    {
        var titles = declared.OfType<string>().Select(Fold).Where(t => t.Length != 0).ToList();
        if (titles.Count == 0)
        {
            return null;
        }

        foreach (var h1 in document.QuerySelectorAll("h1").Take(ExtractionThresholds.MaxHeadingsForTitle))
        {
            var text = Collapse(h1.TextContent);
            var folded = Fold(text);
            if (text.Length == 0 || InChrome(h1) || (siteName is not null && string.Equals(text, siteName, StringComparison.OrdinalIgnoreCase)) ||
                WordCount(text) < ExtractionThresholds.MinAgreeingHeadlineWords)
            {
                continue;
            }

            if (titles.Any(t => t.Contains(folded, StringComparison.Ordinal) || folded.Contains(t, StringComparison.Ordinal)))
            {
                return text;
            }
        }

        return null;
    }

    private static bool InChrome(AngleSharp.Dom.IElement element)
    {
        for (var node = element.ParentElement; node is not null; node = node.ParentElement)
        {
            if (node.LocalName is "nav" or "footer" or "aside")
            {
                return true;
            }
        }

        return false;
    }

    private static string Fold(string text) => Collapse(text).ToLowerInvariant();

    /// <summary>
    /// Drops "| Site" or "- Site" at either end when it is the site name or a short label beside a longer headline.
    /// </summary>
    public static string StripSiteName(string title, string? siteName)
    {
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                var head = title[..at].Trim();
                var tail = title[(at + separator.Length)..].Trim();
                if (IsSiteLabel(tail, head, siteName))
                {
                    return head;
                }
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && siteName is not null &&
                string.Equals(title[..first].Trim(), siteName, StringComparison.OrdinalIgnoreCase))
            {
                return title[(first + separator.Length)..].Trim();
            }
        }

        return title;
    }

    private static bool IsSiteLabel(string label, string headline, string? siteName)
    {
        if (siteName is not null && string.Equals(label, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A short label beside a longer headline reads as a site or section name.
        return WordCount(label) <= ExtractionThresholds.MaxSiteLabelWords &&
               WordCount(headline) >= ExtractionThresholds.MinHeadlineWordsBesideLabel;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? FirstH1(IDocument document)
    {
        var text = document.QuerySelector("h1")?.TextContent;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    internal static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
