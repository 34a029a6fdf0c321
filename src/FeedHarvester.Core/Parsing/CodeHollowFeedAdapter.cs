using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace FeedHarvester.Parsing;

/// <summary>
/// Reads a document with CodeHollow.FeedReader and maps its <see cref="Feed"/> into our records as starting
/// values. Dates are left out on purpose: CodeHollow parses them with the current culture and maps dc:date to
/// the published date, so <see cref="RawXmlOverrides"/> always takes them from the raw XML.
/// </summary>
internal static class CodeHollowFeedAdapter
{
    /// <summary>
    /// Reads text our loader already accepted strictly (no declaration, no DTD, HTML entities repaired), so
    /// CodeHollow never meets an entity it cannot expand or anything it could resolve. Null when it throws.
    /// </summary>
    public static Feed? TryRead(string strictText)
    {
        try
        {
            return FeedReader.ReadFromString(strictText);
        }
#pragma warning disable CA1031 // CodeHollow throws bare Exception/NullReferenceException on feeds we still read (no RSS version, odd namespaces); the raw reader takes over.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Our format name for CodeHollow's version-specific type; null for types we do not read through it.</summary>
    public static string? FormatOf(FeedType type) => type switch
    {
        FeedType.Atom => FeedFormatDetector.Atom,
        FeedType.Rss_1_0 => FeedFormatDetector.Rdf,
        FeedType.Rss_0_91 or FeedType.Rss_0_92 or FeedType.Rss_2_0 or FeedType.Rss or FeedType.MediaRss => FeedFormatDetector.Rss,
        _ => null,
    };

    public static FeedContent Map(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var parsed = new ParsedFeed
        {
            Title = FeedText.PlainSniffed(feed.Title),
            Link = Trimmed(feed.Link),
            Subtitle = FeedText.PlainSniffed(feed.Description),
            Language = Trimmed(feed.Language),
        };
        return new FeedContent(parsed, (feed.Items ?? []).Select(MapItem).ToList());
    }

    private static ParsedEntry MapItem(FeedItem item) => new()
    {
        Id = Trimmed(Id(item)),
        Title = FeedText.PlainSniffed(item.Title),
        Link = Trimmed(item.Link),
        Author = AuthorName.Clean(FeedText.PlainSniffed(item.Author)),
        Summary = Trimmed(item.Description),
        Content = Trimmed(item.Content),
        Categories = Categories(item).Select(FeedText.PlainSniffed).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
    };

    /// <summary>
    /// The identifier the format defines. CodeHollow's flat Id falls back to the link (and uses it for RSS 1.0),
    /// which would turn "no id" into a guessed one; choosing a stand-in is normalization's job.
    /// </summary>
    private static string? Id(FeedItem item) => item.SpecificItem switch
    {
        Rss20FeedItem rss => rss.Guid,
        Rss10FeedItem rdf => rdf.About,
        AtomFeedItem atom => atom.Id,
        _ => null,
    };

    private static IEnumerable<string?> Categories(FeedItem item) => item.SpecificItem switch
    {
        // An Atom category is its term; CodeHollow's flat list prefers the human label, which is only a display name.
        AtomFeedItem atom => (atom.CategoryDetails ?? []).Select(c => c.Term ?? c.Label ?? c.Name),
        _ => item.Categories ?? [],
    };

    private static string? Trimmed(string? value) => FeedText.NullIfEmpty(value?.Trim());
}
