using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// The headline: the page's own h1 when it agrees with what the page declares as its title (og:title, twitter:title,
/// JSON-LD headline; the &lt;title&gt; only when none of those is given), so an h1 from a site header, a logo or an
/// author box is not taken for it. Without an agreeing h1: the declared title, then the &lt;title&gt;, then the
/// first h1 that is not the site's name; without a site-name prefix or suffix.
/// </summary>
internal static class TitleFinder
{
    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld, string? siteName, Uri? pageUrl = null)
    {
        var declared = new[] { meta.First("og:title"), meta.First("twitter:title"), ld?.Headline }
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Collapse(t!)).ToList();
        var pageTitle = string.IsNullOrWhiteSpace(document.Title) ? null : Collapse(document.Title);
        var site = new SiteNames(siteName, pageUrl);
        var headings = Headings(document, site);
        var references = (pageTitle is null ? declared : [.. declared, pageTitle]).Select(r => StripSiteName(r, siteName)).ToList();

        if (headings.FirstOrDefault(h => references.Any(r => Agrees(h, r))) is { } agreed)
        {
            return StripSiteName(DeclaredInside(agreed, declared) ?? agreed, siteName);
        }

        var raw = declared.FirstOrDefault() ?? WithoutSiteHeading(pageTitle, document, site) ?? headings.FirstOrDefault();
        return raw is null ? null : StripSiteName(raw, siteName);
    }

    /// <summary>The text of the first h1s outside page chrome, without permalink marks, that are not the site's name.</summary>
    private static List<string> Headings(IDocument document, SiteNames site)
    {
        var headings = new List<string>();
        foreach (var h1 in document.QuerySelectorAll("h1").Take(ExtractionThresholds.MaxHeadingsForTitle))
        {
            var text = HeadingText(h1);
            if (text.Length != 0 && !InChrome(h1) && !site.Matches(text))
            {
                headings.Add(text);
            }
        }

        return headings;
    }

    private static string HeadingText(IElement heading)
    {
        var text = Collapse(SpacedText(heading));
        for (var trimmed = true; trimmed;)
        {
            trimmed = false;
            foreach (var mark in TitleVocabulary.PermalinkMarks)
            {
                if (text.EndsWith(mark, StringComparison.Ordinal))
                {
                    text = text[..^mark.Length].TrimEnd();
                    trimmed = true;
                }
            }
        }

        return text;
    }

    /// <summary>The heading's text with a space where a line break or a block inside it separates words.</summary>
    private static string SpacedText(IElement heading)
    {
        if (heading.QuerySelector("br, div, p, li") is null)
        {
            return heading.TextContent;
        }

        var text = new System.Text.StringBuilder();
        foreach (var node in heading.GetDescendants())
        {
            if (node is IText t)
            {
                _ = text.Append(t.Data);
            }
            else if (node is IElement { LocalName: "br" or "div" or "p" or "li" })
            {
                _ = text.Append(' ');
            }
        }

        return text.ToString();
    }

    /// <summary>Both ways, most of the words shared (<see cref="TitleVocabulary.MinSharedWords"/>).</summary>
    internal static bool Agrees(string heading, string title)
    {
        var a = Words(heading);
        var b = Words(title);
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Count(b.Contains);
        return shared >= TitleVocabulary.MinSharedWords * a.Count && shared >= TitleVocabulary.MinSharedWords * b.Count;
    }

    /// <summary>
    /// A declared title the heading holds with a short prefix ("Thread: …", "Dec 18 2025 …", "News …") and nothing after
    /// it but marks: the heading dressed the headline up.
    /// </summary>
    private static string? DeclaredInside(string heading, List<string> declared)
    {
        var folded = heading.ToLowerInvariant();
        foreach (var title in declared)
        {
            var t = title.ToLowerInvariant();
            var at = folded.IndexOf(t, StringComparison.Ordinal);
            if (at < 0 || t.Length == folded.Length)
            {
                continue;
            }

            var before = folded[..at];
            var after = folded[(at + t.Length)..];
            if (Words(before).Count <= TitleVocabulary.MaxPrefixWordsAroundDeclared && Words(after).Count == 0)
            {
                return title;
            }
        }

        return null;
    }

    /// <summary>The &lt;title&gt; without a leading or trailing part that is the site's name as its h1 or host gives it
    /// ("davidbau.com Vibe Coding" on a page whose h1 is "davidbau.com").</summary>
    private static string? WithoutSiteHeading(string? pageTitle, IDocument document, SiteNames site)
    {
        if (pageTitle is null)
        {
            return null;
        }

        foreach (var h1 in document.QuerySelectorAll("h1").Take(ExtractionThresholds.MaxHeadingsForTitle))
        {
            var text = HeadingText(h1);
            if (text.Length == 0 || text.Length >= pageTitle.Length || !site.Matches(text) && !InChrome(h1))
            {
                continue;
            }

            if (pageTitle.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return TrimSeparators(pageTitle[text.Length..]) is { Length: > 0 } rest ? rest : pageTitle;
            }

            if (pageTitle.EndsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return TrimSeparators(pageTitle[..^text.Length]) is { Length: > 0 } rest ? rest : pageTitle;
            }
        }

        return pageTitle;
    }

    private static string TrimSeparators(string text) => text.Trim().Trim('|', '-', '–', '—', ':', '·', '»', '/', '•').Trim();

    private static bool InChrome(IElement element)
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

    private static HashSet<string> Words(string text) =>
        TitleVocabulary.Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Drops "| Site" or "- Site" at the end (and again, for "Topic / Board / Forum") when it is the site name or a short
    /// label beside a longer headline, and "Site - " at the start when it is the site name.
    /// </summary>
    public static string StripSiteName(string title, string? siteName)
    {
        var result = title;
        for (var i = 0; i < TitleVocabulary.MaxLabelsCut; i++)
        {
            var cut = StripOnce(result, siteName);
            if (cut == result)
            {
                break;
            }

            result = cut;
        }

        return result;
    }

    private static string StripOnce(string title, string? siteName)
    {
        foreach (var separator in TitleVocabulary.Separators)
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

    internal static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What names the site rather than the page: og:site_name (or its kin) and the host, with or without "www.".</summary>
    private sealed class SiteNames(string? siteName, Uri? pageUrl)
    {
        public bool Matches(string text) =>
            (siteName is not null && string.Equals(text, siteName, StringComparison.OrdinalIgnoreCase)) ||
            (pageUrl is not null && (string.Equals(text, pageUrl.Host, StringComparison.OrdinalIgnoreCase) ||
                                     string.Equals("www." + text, pageUrl.Host, StringComparison.OrdinalIgnoreCase)));
    }
}
