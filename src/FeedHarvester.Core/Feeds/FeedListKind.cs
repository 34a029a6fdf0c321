using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedHarvester.Settings;

namespace FeedHarvester.Feeds;

/// <summary>The formats a feed list file can have.</summary>
public enum FeedListKind
{
    /// <summary>One feed a line (<see cref="PlainFeedList"/>).</summary>
    Plain,

    /// <summary>OPML, the subscription list format of feed readers.</summary>
    Opml,

    /// <summary>An HTML page whose head links to its feeds.</summary>
    Html,
}
