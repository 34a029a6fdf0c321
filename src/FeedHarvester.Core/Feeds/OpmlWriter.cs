using System.Globalization;
using System.Text;
using System.Xml;
using FeedHarvester.Settings;

namespace FeedHarvester.Feeds;

/// <summary>
/// Writes a feed list as OPML 2.0, the subscription-list format feed readers import and export. Feeds with a category
/// sit in a folder outline of that name (how readers show categories) and also carry the <c>category</c> attribute;
/// the per-feed options travel as the attributes <see cref="FeedListReader.ReadOpml"/> reads back
/// (<c>xmlUrl</c>, <c>title</c>, <c>interval</c>, <c>enabled</c>, <c>userAgent</c>), so export then import is lossless.
/// </summary>
public static class OpmlWriter
{
    public static string Write(IEnumerable<FeedDefinition> feeds, string title = "FeedHarvester feeds")
    {
        var text = new Utf8StringWriter();
        Write(text, feeds, title);
        return text.ToString();
    }

    public static void Write(TextWriter output, IEnumerable<FeedDefinition> feeds, string title = "FeedHarvester feeds")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(feeds);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("opml");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("head");
        xml.WriteElementString("title", title);
        xml.WriteEndElement();
        xml.WriteStartElement("body");

        // Uncategorised feeds first, then one folder per category, each in the order given.
        foreach (var group in feeds.GroupBy(f => f.Category ?? string.Empty, StringComparer.Ordinal).OrderBy(g => g.Key.Length > 0))
        {
            if (group.Key.Length > 0)
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("text", group.Key);
                xml.WriteAttributeString("title", group.Key);
            }

            foreach (var feed in group)
            {
                WriteFeed(xml, feed);
            }

            if (group.Key.Length > 0)
            {
                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteFeed(XmlWriter xml, FeedDefinition feed)
    {
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("type", "rss");

        // OPML asks for text on every outline, but the reader takes text as the title when there is no title
        // attribute: a feed without a title gets neither, so it reads back without one.
        if (feed.Title is not null)
        {
            xml.WriteAttributeString("text", feed.Title);
            xml.WriteAttributeString("title", feed.Title);
        }

        xml.WriteAttributeString("xmlUrl", feed.Url.AbsoluteUri);
        WriteOptional(xml, "category", feed.Category);
        WriteOptional(xml, "interval", feed.Interval is { } interval ? Duration.Format(interval) : null);
        WriteOptional(xml, "enabled", feed.Enabled ? null : "false");
        WriteOptional(xml, "userAgent", feed.UserAgent);
        xml.WriteEndElement();
    }

    private static void WriteOptional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteAttributeString(name, value);
        }
    }

    // StringWriter reports UTF-16, which the XML declaration would then claim; the file is written as UTF-8.
    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
