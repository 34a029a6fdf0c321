using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>RSS 0.9x/2.0: &lt;rss&gt;&lt;channel&gt; with items inside the channel (some 0.9x feeds put them beside it).</summary>
internal static class RssReader
{
    public static FeedContent Read(XElement root, ReadContext context)
    {
        var channel = FeedElements.Core(root, "channel") ?? root;
        var items = FeedElements.CoreAll(channel, "item");
        if (channel != root)
        {
            items = items.Concat(FeedElements.CoreAll(root, "item"));
        }

        return new FeedContent(RssChannelReader.Read(channel, context), items.Select(i => RssItemReader.Read(i, context)).ToList());
    }
}
