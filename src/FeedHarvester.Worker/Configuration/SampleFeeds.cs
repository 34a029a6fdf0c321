using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// What a fresh clone polls when nothing lists a feed: a handful of public news feeds, so the first run shows the
/// harvester at work. Never merged with a configured list: any configured feed replaces all of them.
/// </summary>
internal static class SampleFeeds
{
    public static IReadOnlyList<FeedDefinition> All { get; } =
    [
        new(new Uri("https://feeds.bbci.co.uk/news/world/rss.xml"), Title: "BBC News - World"),
        new(new Uri("https://feeds.npr.org/1001/rss.xml"), Title: "NPR News"),
        new(new Uri("https://www.theguardian.com/world/rss"), Title: "The Guardian - World"),
        new(new Uri("https://www.aljazeera.com/xml/rss/all.xml"), Title: "Al Jazeera"),
        new(new Uri("https://rss.dw.com/rdf/rss-en-all"), Title: "Deutsche Welle"),
    ];
}
