using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedHarvester.Settings;

namespace FeedHarvester.Feeds;

/// <summary>The feeds read from a list, and the entries that could not be read (file:line: reason).</summary>
public sealed record FeedListResult(IReadOnlyList<FeedDefinition> Feeds, IReadOnlyList<string> Errors);
