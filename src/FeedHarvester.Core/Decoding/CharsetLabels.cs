using System.Collections.Frozen;
using System.Text;

namespace FeedHarvester.Decoding;

/// <summary>What a declared charset label named: an encoding to use, or null with a note saying why it was ignored.</summary>
/// <param name="Encoding">The encoding; null when the label was empty, unknown or refused.</param>
/// <param name="Note">"decode: …" text for a label that was given but not used; null otherwise.</param>
internal readonly record struct CharsetLookup(Encoding? Encoding, string? Note);

/// <summary>
/// The one place a declared charset name (Content-Type, XML prolog, meta tag) becomes an <see cref="Encoding"/>;
/// the names browsers use for some of them are in <see cref="CharsetAliases"/>.
/// It never throws: a label that names nothing usable is ignored with a note, and the next source decides.
/// </summary>
internal static class CharsetLabels
{
    /// <summary>
    /// Labels refused even where the runtime could decode them. UTF-7 lets markup hide in plain letters
    /// ("+ADw-script+AD4-" is "&lt;script&gt;"), which is why the WHATWG Encoding Standard dropped it and .NET
    /// disables it (SYSLIB0001); its code page is checked too, in case an application switch turns it back on.
    /// </summary>
    private static readonly FrozenSet<string> Refused = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "utf-7", "utf7", "unicode-1-1-utf-7", "unicode-2-0-utf-7", "x-unicode-1-1-utf-7", "x-unicode-2-0-utf-7", "csunicode11utf7");

    private const int Utf7CodePage = 65000;

    static CharsetLabels()
    {
        // windows-125x, EUC-KR, KOI8-R, the EBCDIC pages … are not inbox on .NET without the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <param name="label">The declared name, as written.</param>
    /// <param name="source">Where it was declared ("http", "prolog", "meta"), for the note.</param>
    public static CharsetLookup Resolve(string? label, string source)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return default;
        }

        var name = label.Trim();
        if (Refused.Contains(name))
        {
            return Ignored(name, source, "refused: UTF-7 can hide markup");
        }

        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Utf7CodePage ? Ignored(name, source, "refused: UTF-7 can hide markup") : new CharsetLookup(encoding, null);
        }
        catch (ArgumentException)
        {
            // An unknown or misspelt label ("utf8mb4", "none").
            return Ignored(name, source, "unknown");
        }
        catch (NotSupportedException ex)
        {
            // Known to the runtime but switched off or missing on this platform.
            return Ignored(name, source, "not supported: " + ex.Message);
        }
    }

    /// <summary>As <see cref="Resolve"/>, for a label on an HTML page: read as browsers read it (<see cref="CharsetAliases"/>).</summary>
    public static CharsetLookup ResolveForHtml(string? label, string source) =>
        string.IsNullOrWhiteSpace(label) ? default : Resolve(CharsetAliases.ForHtml(label.Trim()), source);

    /// <summary>
    /// True when the encoding writes markup characters as ASCII bytes, so a declaration read from the raw bytes
    /// as ASCII can stand. EBCDIC and UTF-16/32 do not: a document in them cannot have been read that way.
    /// </summary>
    public static bool IsAsciiCompatible(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        const string Markup = "<?xml version=\"1.0\" encoding=\"x\"?><!DOCTYPE [<!ENTITY>]><meta charset=x>";
        return encoding.GetBytes(Markup).AsSpan().SequenceEqual(Encoding.ASCII.GetBytes(Markup));
    }

    private static CharsetLookup Ignored(string name, string source, string why) =>
        new(null, $"decode: charset \"{Printable(name)}\" (from {source}) ignored, {why}");

    // The label is the document's text; keep a hostile one short in a log line.
    private static string Printable(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
