using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>The tree read from a document, whether it needed recovery, and the problems met on the way.</summary>
/// <param name="StrictText">
/// The exact text the strict parser accepted (declaration and DTD already gone, repairs applied), so another
/// XML reader can be handed the same safe document; null when only the tag-soup reader produced the tree.
/// </param>
internal sealed record XmlLoadResult(XElement? Root, bool WellFormed, IReadOnlyList<string> Errors, string? StrictText = null);
