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
        foreach (var node in element.Nodes())
        {
            Write(node, builder);
        }

        return builder.ToString();
    }

    private static void Write(XNode node, StringBuilder builder)
    {
        switch (node)
        {
            case XText text:
                _ = builder.Append(Escape(text.Value, attribute: false));
                break;
            case XElement element:
                WriteElement(element, builder);
                break;
        }
    }

    private static void WriteElement(XElement element, StringBuilder builder)
    {
        var name = element.Name.LocalName;
        _ = builder.Append('<').Append(name);
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            var attributeName = attribute.Name.Namespace == XNamespace.Xml ? "xml:" + attribute.Name.LocalName : attribute.Name.LocalName;
            _ = builder.Append(' ').Append(attributeName).Append("=\"").Append(Escape(attribute.Value, attribute: true)).Append('"');
        }

        if (VoidElements.Contains(name) && element.IsEmpty)
        {
            _ = builder.Append(" />");
            return;
        }

        _ = builder.Append('>');
        foreach (var child in element.Nodes())
        {
            Write(child, builder);
        }

        _ = builder.Append("</").Append(name).Append('>');
    }

    public static string Escape(string value, bool attribute)
    {
        var escaped = value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        return attribute ? escaped.Replace("\"", "&quot;", StringComparison.Ordinal) : escaped;
    }
}
