using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using FeedHarvester.Html;

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
        // Counted from the text, so a document of a million tiny elements never becomes a tree of them.
        if (MarkupCensus.XmlExceeds(text, MarkupLimits.MaxFeedElements))
        {
            return new XmlLoadResult(null, WellFormed: false,
                [$"parse: too_many_elements: the document has more than {MarkupLimits.MaxFeedElements} elements"]);
        }

        var result = LoadTree(LeadingXmlDeclaration().Replace(text, "$1", 1), out var flattened);
        return flattened ? Flattened(result) : result;
    }

    /// <summary>
    /// A tree that had to be flattened is recovered, not well-formed as read; CodeHollow is not handed the text
    /// (StrictText null), since it would read the original depth again.
    /// </summary>
    private static XmlLoadResult Flattened(XmlLoadResult result) => result with
    {
        WellFormed = false,
        StrictText = null,
        Errors = [.. result.Errors, $"parse: too_deeply_nested: elements nested deeper than {MarkupLimits.MaxDepth} levels kept only their text"],
    };

    private static XmlLoadResult LoadTree(string text, out bool flattened)
    {
        if (TryStrict(text, out var root, out var firstError, out flattened))
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

        if (TryStrict(repaired, out root, out _, out flattened))
        {
            errors.Add("parse: recovered after repairs (" + string.Join(", ", XmlRepairs.All.Select(r => r.Name)) + ")");
            return new XmlLoadResult(root, WellFormed: false, errors, repaired);
        }

        root = TagSoupReader.Read(text);
        errors.Add(root is null ? "parse: no element found" : "parse: recovered with the lenient reader");
        return new XmlLoadResult(root, WellFormed: false, errors);
    }

    private static bool TryStrict(string text, out XElement? root, out string? error, out bool flattened)
    {
        flattened = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), StrictSettings);
            root = XmlTreeBuilder.Load(reader, MarkupLimits.MaxDepth, out flattened);
            error = null;
            return root is not null;
        }
        catch (XmlException ex)
        {
            root = null;
            flattened = false;
            error = $"parse: not well-formed XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}";
            return false;
        }
    }
}
