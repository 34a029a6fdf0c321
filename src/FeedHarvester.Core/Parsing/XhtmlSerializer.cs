using System.Collections.Frozen;
using System.Text;
using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>
/// Writes inline XML content (Atom xhtml, RSS xhtml:body) as plain HTML: local names only, no namespace
/// declarations, void elements self-closed. XElement.ToString would add xmlns attributes to every element.
/// </summary>
internal static class XhtmlSerializer
{
    private static readonly FrozenSet<string> VoidElements = FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"],
        StringComparer.OrdinalIgnoreCase);

    public static string InnerHtml(XElement element)
    {
        var builder = new StringBuilder();
        // Its own stack instead of a call per level: inline content is the feed's to nest as deep as it likes.
        var open = new Stack<(XElement Element, XNode? Next)>();
        open.Push((element, element.FirstNode));
        while (open.TryPop(out var frame))
        {
            if (frame.Next is not { } node)
            {
                if (open.Count > 0)
                {
                    _ = builder.Append("</").Append(frame.Element.Name.LocalName).Append('>');
                }

                continue;
            }

            open.Push(frame with { Next = node.NextNode });
            switch (node)
            {
                case XText text:
                    _ = builder.Append(Escape(text.Value, attribute: false));
                    break;
                case XElement child when WriteStartTag(child, builder):
                    open.Push((child, child.FirstNode));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes the start tag; false for a void element written self-closed (it has no content to follow).</summary>
    private static bool WriteStartTag(XElement element, StringBuilder builder)
    {
        var name = element.Name.LocalName;
        _ = builder.Append('<').Append(name);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var attributeName = attribute.Name.Namespace == XNamespace.Xml ? "xml:" + attribute.Name.LocalName : attribute.Name.LocalName;
            _ = builder.Append(' ').Append(attributeName).Append("=\"").Append(Escape(attribute.Value, attribute: true)).Append('"');
        }

        if (VoidElements.Contains(name) && element.IsEmpty)
        {
            _ = builder.Append(" />");
            return false;
        }

        _ = builder.Append('>');
        return true;
    }

    public static string Escape(string value, bool attribute)
    {
        var escaped = value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        return attribute ? escaped.Replace("\"", "&quot;", StringComparison.Ordinal) : escaped;
    }
}
