using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>The tree read from a document, whether it needed recovery, and the problems met on the way.</summary>
internal sealed record XmlLoadResult(XElement? Root, bool WellFormed, IReadOnlyList<string> Errors);
