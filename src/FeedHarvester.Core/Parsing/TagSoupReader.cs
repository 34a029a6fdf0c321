using System.Text.RegularExpressions;
using System.Xml.Linq;
using FeedHarvester.Html;

namespace FeedHarvester.Parsing;

/// <summary>
/// Last-resort reader for documents no repair makes well-formed: builds a tree from tags as found, closes
/// mismatched and unclosed elements, keeps truncated text, and maps undeclared prefixes by convention.
/// Entities are decoded with the HTML table. It never throws and never reads a DTD.
/// </summary>
internal static partial class TagSoupReader
{
    private const string UndeclaredNamespacePrefix = "urn:feedharvester:undeclared:";

    // Each attribute is an atomic group: a quoted value can also be read as an unquoted one, so a tag cut off before
    // its '>' would otherwise be retried in 2^n ways (n attributes) before the '<' is taken as text. Names and unquoted
    // values stop at '<': otherwise a run of unfinished tags ("<a <a <a …") makes every '<' a match attempt that scans
    // to the end of the document, which is quadratic (30,000 of them took minutes).
    [GeneratedRegex(@"\G<(?<name>[A-Za-z_][\w.\-:]*)(?<attrs>(?>\s+[^\s=/<>]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s<>]+))?)*)\s*(?<empty>/)?>", RegexOptions.CultureInvariant)]
    private static partial Regex StartTag();

    /// <summary>Longest start tag looked for: a match attempt never reads further, whatever follows a '&lt;'.</summary>
    private const int MaxTagChars = 64 * 1024;

    [GeneratedRegex(@"\G</\s*(?<name>[A-Za-z_][\w.\-:]*)\s*>?", RegexOptions.CultureInvariant)]
    private static partial Regex EndTag();

    [GeneratedRegex(@"(?<name>[^\s=/>]+)(?:\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+)))?", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"&(?:#(?<dec>[0-9]{1,7})|#[xX](?<hex>[0-9A-Fa-f]{1,6})|(?<name>[A-Za-z][A-Za-z0-9]{0,31}));", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    public static XElement? Read(string text)
    {
        var state = new SoupState();
        var i = 0;
        while (i < text.Length && !state.RootClosed)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0)
            {
                state.AddText(Decode(text[i..]));
                break;
            }

            if (lt > i)
            {
                state.AddText(Decode(text[i..lt]));
            }

            i = ReadMarkup(text, lt, state);
        }

        return state.Root;
    }

    private static int ReadMarkup(string text, int lt, SoupState state)
    {
        if (text.AsSpan(lt).StartsWith("<![CDATA["))
        {
            var end = text.IndexOf("]]>", lt, StringComparison.Ordinal);
            state.AddText(end < 0 ? text[(lt + 9)..] : text[(lt + 9)..end]);
            return end < 0 ? text.Length : end + 3;
        }

        if (text.AsSpan(lt).StartsWith("<!--"))
        {
            var end = text.IndexOf("-->", lt, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + 3;
        }

        if (text.AsSpan(lt).StartsWith("<!") || text.AsSpan(lt).StartsWith("<?"))
        {
            var end = text.IndexOf('>', lt);
            return end < 0 ? text.Length : end + 1;
        }

        var endTag = EndTag().Match(text, lt);
        if (endTag.Success)
        {
            state.Close(endTag.Groups["name"].Value);
            return lt + endTag.Length;
        }

        var startTag = StartTag().Match(text, lt, Math.Min(MaxTagChars, text.Length - lt));
        if (startTag.Success)
        {
            state.Open(startTag.Groups["name"].Value, ParseAttributes(startTag.Groups["attrs"].Value), startTag.Groups["empty"].Success);
            return lt + startTag.Length;
        }

        // A '<' that starts no tag (truncated or stray) is text.
        state.AddText("<");
        return lt + 1;
    }

    private static List<(string Name, string Value)> ParseAttributes(string text) =>
        Attribute().Matches(text).Select(m => (m.Groups["name"].Value, Decode(m.Groups["v"].Value))).ToList();

    internal static string Decode(string text) => !text.Contains('&', StringComparison.Ordinal) ? text : Reference().Replace(text, m =>
    {
        if (m.Groups["name"].Success)
        {
            return m.Groups["name"].Value switch
            {
                "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "apos" => "'",
                var name => HtmlEntities.Lookup(name) ?? m.Value,
            };
        }

        var code = m.Groups["dec"].Success ? int.Parse(m.Groups["dec"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ToInt32(m.Groups["hex"].Value, 16);
        return code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : "\uFFFD";
    });

    /// <summary>The open-element stack with its namespace scopes.</summary>
    private sealed class SoupState
    {
        private readonly List<(string RawName, XElement Element, Dictionary<string, string> Scope)> _stack = [];

        public XElement? Root { get; private set; }

        public bool RootClosed { get; private set; }

        public void AddText(string text)
        {
            if (_stack.Count > 0 && text.Length > 0)
            {
                _stack[^1].Element.Add(new XText(text));
            }
        }

        public void Open(string rawName, List<(string Name, string Value)> attributes, bool selfClosing)
        {
            if (Root is not null && _stack.Count == 0)
            {
                return;
            }

            // Deeper tags are dropped and their text joins the deepest open element: the tree stays within the
            // depth every reader can walk, and closing tags search a bounded stack.
            if (_stack.Count >= MarkupLimits.MaxDepth)
            {
                return;
            }

            var scope = _stack.Count > 0 ? new Dictionary<string, string>(_stack[^1].Scope) : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in attributes.Where(a => a.Name == "xmlns" || a.Name.StartsWith("xmlns:", StringComparison.Ordinal)))
            {
                scope[name == "xmlns" ? string.Empty : name[6..]] = value;
            }

            var element = new XElement(Resolve(rawName, scope, isAttribute: false));
            foreach (var (name, value) in attributes.Where(a => a.Name != "xmlns" && !a.Name.StartsWith("xmlns:", StringComparison.Ordinal)))
            {
                var attributeName = Resolve(name, scope, isAttribute: true);
                if (element.Attribute(attributeName) is null)
                {
                    element.Add(new XAttribute(attributeName, value));
                }
            }

            if (_stack.Count > 0)
            {
                _stack[^1].Element.Add(element);
            }
            else
            {
                Root = element;
            }

            if (!selfClosing)
            {
                _stack.Add((rawName, element, scope));
            }
            else if (_stack.Count == 0)
            {
                RootClosed = true;
            }
        }

        /// <summary>Closes the nearest open element of that name and everything opened inside it; ignores stray end tags.</summary>
        public void Close(string rawName)
        {
            var index = _stack.FindLastIndex(f => string.Equals(f.RawName, rawName, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return;
            }

            _stack.RemoveRange(index, _stack.Count - index);
            RootClosed = _stack.Count == 0;
        }

        private static XName Resolve(string rawName, Dictionary<string, string> scope, bool isAttribute)
        {
            var colon = rawName.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == rawName.Length - 1)
            {
                var local = XmlName(colon < 0 ? rawName : rawName.Replace(":", "_", StringComparison.Ordinal));
                return isAttribute ? XName.Get(local) : XName.Get(local, scope.GetValueOrDefault(string.Empty, string.Empty));
            }

            var prefix = rawName[..colon];
            var uri = scope.GetValueOrDefault(prefix)
                ?? FeedNamespaces.UriByConventionalPrefix.GetValueOrDefault(prefix)
                ?? UndeclaredNamespacePrefix + prefix;
            return XName.Get(XmlName(rawName[(colon + 1)..]), uri);
        }

        private static string XmlName(string name)
        {
            try
            {
                return System.Xml.XmlConvert.VerifyNCName(name);
            }
            catch (System.Xml.XmlException)
            {
                return System.Xml.XmlConvert.EncodeLocalName(name) ?? "_";
            }
        }
    }
}
