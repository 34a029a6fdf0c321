using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// The author: meta author, JSON-LD author, rel=author, a byline element, then a "By …" line just under the
/// headline; without a leading "By".
/// </summary>
internal static class BylineFinder
{
    private const int MaxBylineChars = 120;


    private static readonly string[] MetaNames = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];

    private const string AuthorSelector =
        "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author, [class*=byline], [class*=author-name], [class*=author] a";

    /// <summary>The first source that names a person, cleaned to the names (<see cref="BylineCleaner"/>).</summary>
    public static IReadOnlyList<string> Find(IDocument document, MetaTags meta, JsonLdArticle? ld, string? siteName = null)
    {
        if (BylineCleaner.Names(ld?.Author, siteName) is { Count: > 0 } ldNames)
        {
            return ldNames;
        }

        var fromMeta = meta.First(MetaNames);
        if (fromMeta is not null && !LooksLikeUrl(fromMeta) && BylineCleaner.Names(fromMeta, siteName) is { Count: > 0 } metaNames)
        {
            return metaNames;
        }

        foreach (var element in document.QuerySelectorAll(AuthorSelector).Take(MaxAuthorElements))
        {
            var text = element.TextContent;
            if (text.Length <= MaxBylineChars && BylineCleaner.Names(text, siteName) is { Count: > 0 } names)
            {
                return names;
            }
        }

        return BylineCleaner.Names(LineUnderHeadline(document), siteName);
    }

    /// <summary>Author-marked elements looked at; past the first few they are teaser cards' bylines.</summary>
    private const int MaxAuthorElements = 3;

    /// <summary>
    /// A short line of its own that starts like a byline ("By Jane Doe", "Von …") among the few text blocks after
    /// the first h1: where a page with no author markup writes the author.
    /// </summary>
    private static string? LineUnderHeadline(IDocument document)
    {
        var blocks = document.Body?.QuerySelectorAll("h1, p, div, span, address");
        if (blocks is null)
        {
            return null;
        }

        var seen = -1;
        foreach (var block in blocks)
        {
            if (seen < 0)
            {
                seen = block.LocalName == "h1" ? 0 : -1;
                continue;
            }

            if (++seen > ExtractionThresholds.BylineBlocksAfterHeadline)
            {
                return null;
            }

            var line = block.TextContent;
            if (line.Length <= ExtractionThresholds.MaxMetaLineChars && !DomRules.HasBlockChild(block) &&
                TextPatterns.BylinePrefix().Match(line) is { Success: true } prefix)
            {
                return FirstPart(line[prefix.Length..]);
            }
        }

        return null;
    }

    /// <summary>"Jane Doe | March 3, 2024" and "Jane Doe on Monday, …" name the author first; a date first names none.</summary>
    private static string FirstPart(string line)
    {
        var part = TextPatterns.BylineTail().Split(line, 2)[0];
        return TextPatterns.LeadingDate().IsMatch(part) ? "" : part;
    }

    private static bool LooksLikeUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
