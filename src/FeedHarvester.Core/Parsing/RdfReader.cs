using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>RSS 0.90/1.0 (RDF): channel and items are siblings under rdf:RDF; an item's id is its rdf:about.</summary>
internal static class RdfReader
{
    public static FeedContent Read(XElement root, ReadContext context)
    {
        var channel = FeedElements.Core(root, "channel");
        var items = FeedElements.CoreAll(root, "item");
        if (channel is not null)
        {
            // A few RSS 1.0 producers nest items in the channel; take them too.
            items = items.Concat(FeedElements.CoreAll(channel, "item"));
        }

        var feed = channel is null ? new ParsedFeed { Language = FeedText.NullIfEmpty(context.ContentLanguage) } : RssChannelReader.Read(channel, context);
        return new FeedContent(feed, items.Select(i => RssItemReader.Read(i, context)).ToList());
    }
}
