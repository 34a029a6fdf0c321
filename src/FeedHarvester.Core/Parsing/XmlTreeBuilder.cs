using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>
/// Builds the same tree as <c>XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root</c>, but no deeper than a
/// limit: an element past it is left out and its text joins the deepest element kept. XDocument.Load walks from each
/// new node up to the root (its cycle check), which is quadratic in the depth: 50,000 nested elements took 13 s.
/// Our readers and CodeHollow's then never meet a tree deep enough to exhaust a call stack (XElement.Value recurses).
/// </summary>
internal static class XmlTreeBuilder
{
    /// <summary>Reads the whole document; <paramref name="flattened"/> says whether anything lay past <paramref name="maxDepth"/> (the root at depth 1).</summary>
    public static XElement? Load(XmlReader reader, int maxDepth, out bool flattened)
    {
        flattened = false;
        XElement? root = null;
        XElement? current = null;
        var skipped = 0; // open elements past the limit
        StringBuilder? deepText = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when skipped > 0 || reader.Depth >= maxDepth:
                    flattened = true;
                    skipped += reader.IsEmptyElement ? 0 : 1;
                    break;
                case XmlNodeType.Element:
                    var element = NewElement(reader);
                    if (current is null)
                    {
                        root = element;
                    }
                    else
                    {
                        current.Add(element);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }

                    break;
                case XmlNodeType.EndElement when skipped > 0:
                    skipped--;
                    break;
                case XmlNodeType.EndElement:
                    Flush(current!, ref deepText);
                    if (current!.IsEmpty)
                    {
                        current.Add(string.Empty); // <a></a> is not <a/>, as in XDocument.Load
                    }

                    current = current.Parent;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when skipped > 0:
                    // Text of elements left out is gathered once, not appended piece by piece to one string.
                    (deepText ??= new StringBuilder()).Append(reader.Value);
                    break;
                case XmlNodeType.CDATA when skipped > 0:
                    (deepText ??= new StringBuilder()).Append(reader.Value);
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when current is not null:
                    Flush(current, ref deepText);
                    current.Add(reader.Value);
                    break;
                case XmlNodeType.CDATA when current is not null:
                    Flush(current, ref deepText);
                    current.Add(new XCData(reader.Value));
                    break;
            }
        }

        return root;
    }

    private static XElement NewElement(XmlReader reader)
    {
        var element = new XElement(XNamespace.Get(reader.NamespaceURI).GetName(reader.LocalName));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // Unprefixed attributes (xmlns among them) are in no namespace, as XDocument.Load names them.
                var ns = reader.Prefix.Length == 0 ? XNamespace.None : XNamespace.Get(reader.NamespaceURI);
                element.Add(new XAttribute(ns.GetName(reader.LocalName), reader.Value));
            }
            while (reader.MoveToNextAttribute());

            _ = reader.MoveToElement();
        }

        return element;
    }

    private static void Flush(XElement current, ref StringBuilder? deepText)
    {
        if (deepText is { Length: > 0 })
        {
            current.Add(deepText.ToString());
            deepText = null;
        }
    }
}
