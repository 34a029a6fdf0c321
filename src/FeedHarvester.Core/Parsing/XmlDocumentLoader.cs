using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>
/// Reads a (DTD-free) document as strictly as it can: strict XML first, then strict XML after the named
/// repairs, then the tag-soup reader, so the usable entries of an ill-formed feed still come out.
/// </summary>
internal static partial class XmlDocumentLoader
{
    private static readonly XmlReaderSettings StrictSettings = new()
    {
        // The DTD was already cut out by DtdGuard; Ignore (not Parse) is the second lock, and no resolver means nothing is fetched.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        CheckCharacters = true,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
    };

    // Decoded text no longer needs its declaration, and feeds with a comment before it are accepted by the
    // reference implementation (feedparser rewrites the declaration), so it is dropped before the strict parse.
    [GeneratedRegex(@"^(\s*(?:<!--.*?-->\s*)*)<\?xml\b[^>]*\?>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingXmlDeclaration();

    public static XmlLoadResult Load(string text)
    {
        text = LeadingXmlDeclaration().Replace(text, "$1", 1);
        if (TryStrict(text, out var root, out var firstError))
        {
            return new XmlLoadResult(root, WellFormed: true, [], text);
        }

        var errors = new List<string> { firstError! };
        var repaired = text;
        foreach (var repair in XmlRepairs.All)
        {
            repaired = repair.Apply(repaired);
        }

        // Dropping control characters can join a "<\x01!DOCTYPE" back into a declaration, so the guard looks again.
        (repaired, var refusal) = DtdGuard.Inspect(repaired);
        if (refusal is not null)
        {
            errors.Add(refusal);
            return new XmlLoadResult(null, WellFormed: false, errors);
        }

        if (TryStrict(repaired, out root, out _))
        {
            errors.Add("parse: recovered after repairs (" + string.Join(", ", XmlRepairs.All.Select(r => r.Name)) + ")");
            return new XmlLoadResult(root, WellFormed: false, errors, repaired);
        }

        root = TagSoupReader.Read(text);
        errors.Add(root is null ? "parse: no element found" : "parse: recovered with the lenient reader");
        return new XmlLoadResult(root, WellFormed: false, errors);
    }

    private static bool TryStrict(string text, out XElement? root, out string? error)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), StrictSettings);
            root = XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root;
            error = null;
            return root is not null;
        }
        catch (XmlException ex)
        {
            root = null;
            error = $"parse: not well-formed XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}";
            return false;
        }
    }
}
