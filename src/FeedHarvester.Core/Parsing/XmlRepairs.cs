using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHarvester.Parsing;

/// <summary>The repairs tried, in order, before falling back to the tag-soup reader. Each says why it exists.</summary>
internal static partial class XmlRepairs
{
    public static readonly IReadOnlyList<XmlRepair> All =
    [
        new("html-entities", "publishers paste HTML (&nbsp; &rsquo; &eacute;) into XML that declares no such entities", ReplaceHtmlEntities),
        new("bare-ampersands", "unescaped & in links and titles (a=1&b=2) is the most common syntax error in real feeds", EscapeBareAmpersands),
        new("control-characters", "C0 control characters are not allowed in XML 1.0 but appear in pasted text", RemoveControlCharacters),
    ];

    private static readonly string[] XmlPredefined = ["amp", "lt", "gt", "quot", "apos"];

    [GeneratedRegex(@"<!\[CDATA\[.*?(?:\]\]>|$)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CdataSection();

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9]{0,31});", RegexOptions.CultureInvariant)]
    private static partial Regex NamedReference();

    [GeneratedRegex(@"&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)", RegexOptions.CultureInvariant)]
    private static partial Regex BareAmpersand();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F]", RegexOptions.CultureInvariant)]
    private static partial Regex ControlCharacter();

    private static string ReplaceHtmlEntities(string text) => OutsideCdata(text, part => NamedReference().Replace(part, m =>
    {
        var name = m.Groups[1].Value;
        if (XmlPredefined.Contains(name, StringComparer.Ordinal))
        {
            return m.Value;
        }

        return HtmlEntities.Lookup(name) is { } symbol ? NumericReferences(symbol) : "&amp;" + name + ";";
    }));

    private static string EscapeBareAmpersands(string text) => OutsideCdata(text, part => BareAmpersand().Replace(part, "&amp;"));

    private static string RemoveControlCharacters(string text) => ControlCharacter().Replace(text, string.Empty);

    private static string NumericReferences(string symbol)
    {
        var builder = new StringBuilder();
        foreach (var rune in symbol.EnumerateRunes())
        {
            _ = builder.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return builder.ToString();
    }

    /// <summary>Applies a repair to the text between CDATA sections, where references mean nothing.</summary>
    private static string OutsideCdata(string text, Func<string, string> repair)
    {
        var builder = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (Match cdata in CdataSection().Matches(text))
        {
            _ = builder.Append(repair(text[position..cdata.Index])).Append(cdata.Value);
            position = cdata.Index + cdata.Length;
        }

        return builder.Append(repair(text[position..])).ToString();
    }
}
