using System.Collections.Frozen;

namespace FeedHarvester.Decoding;

/// <summary>
/// The one table of charset labels that browsers accept (WHATWG Encoding Standard, "Encodings" table) under a name
/// .NET does not know ("cp1251", "utf8", "x-sjis"), or read differently from the label's registered meaning: a
/// page labelled ISO-8859-1, Latin-1 or US-ASCII is decoded as windows-1252, its superset. It applies to article
/// pages, which are written for browsers; a feed is XML, whose labels mean what IANA registers, so feed decoding
/// resolves labels as written.
/// </summary>
internal static class CharsetAliases
{
    private static readonly FrozenDictionary<string, string> Html = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["utf8"] = "utf-8",
        ["unicode-1-1-utf-8"] = "utf-8",
        ["x-sjis"] = "shift_jis",
        ["ms_kanji"] = "shift_jis",
        ["windows-31j"] = "shift_jis",
        ["x-cp1252"] = "windows-1252",
        ["latin1"] = "windows-1252",
        ["iso-8859-1"] = "windows-1252",
        ["iso8859-1"] = "windows-1252",
        ["l1"] = "windows-1252",
        ["ascii"] = "windows-1252",
        ["us-ascii"] = "windows-1252",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name .NET knows for a label as a browser reads it; the label itself when it needs none.</summary>
    public static string ForHtml(string label)
    {
        // "cp1250" … "cp1258": the Windows code pages under their short names.
        if (label.StartsWith("cp125", StringComparison.OrdinalIgnoreCase) && label.Length == 6)
        {
            return "windows-" + label[2..];
        }

        return Html.GetValueOrDefault(label.ToLowerInvariant(), label);
    }
}
