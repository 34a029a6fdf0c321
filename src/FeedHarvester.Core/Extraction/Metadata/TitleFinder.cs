using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>The headline: og:title, JSON-LD headline, the first h1, then &lt;title&gt;; without a site-name suffix.</summary>
internal static class TitleFinder
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld, string? siteName)
    {
        var raw = meta.First("og:title", "twitter:title") ?? ld?.Headline ?? FirstH1(document) ?? document.Title;
        return string.IsNullOrWhiteSpace(raw) ? null : StripSiteName(Collapse(raw), siteName);
    }

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
