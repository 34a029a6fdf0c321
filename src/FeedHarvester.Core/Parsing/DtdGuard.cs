namespace FeedHarvester.Parsing;

/// <summary>
/// Looks at a DOCTYPE before any XML parser does. An internal subset that declares entities (billion laughs,
/// XXE) is refused outright, so nothing is ever expanded or fetched. Any other DOCTYPE is cut out: its DTD
/// is never fetched and the HTML entities it would have defined are repaired later like any undeclared entity.
/// Plain string searches only, so the cost is linear and the memory flat whatever the document holds.
/// </summary>
internal static class DtdGuard
{
    private const string DoctypeOpen = "<!DOCTYPE";

    /// <summary>Returns the text with the DOCTYPE removed, or a refusal reason.</summary>
    public static (string Text, string? Refusal) Inspect(string text)
    {
        var start = PrologDoctype(text);
        if (start < 0)
        {
            return (text, null);
        }

        var end = DeclarationEnd(text, start, out var subset);
        if (subset.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            return (text, "parse: DTD refused (internal subset declares entities)");
        }

        // Keep the line breaks so error positions still match the original document.
        var removed = text.AsSpan(start, end - start);
        var newlines = new string('\n', removed.Count('\n'));
        return (string.Concat(text.AsSpan(0, start), newlines, text.AsSpan(end)), null);
    }

    /// <summary>
    /// Where the DOCTYPE starts, if it is in the prolog. A "&lt;!DOCTYPE" inside a CDATA description is content,
    /// and one after the root element is an ordinary syntax error that no parser here will act on.
    /// </summary>
    private static int PrologDoctype(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 3;
            }
            else if (string.CompareOrdinal(text, i, "<?", 0, 2) == 0)
            {
                var end = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                return string.Compare(text, i, DoctypeOpen, 0, DoctypeOpen.Length, StringComparison.OrdinalIgnoreCase) == 0 ? i : -1;
            }
        }

        return -1;
    }

    private static int DeclarationEnd(string text, int start, out string subset)
    {
        var open = text.IndexOf('[', start);
        var close = text.IndexOf('>', start);
        if (open >= 0 && (close < 0 || open < close))
        {
            var subsetEnd = text.IndexOf("]", open, StringComparison.Ordinal);
            var lastSubsetEnd = subsetEnd;

            // The subset may hold ']' inside literals; the declaration ends at the first "]" followed by optional space and '>'.
            while (subsetEnd >= 0 && !ClosesAfter(text, subsetEnd))
            {
                subsetEnd = text.IndexOf(']', subsetEnd + 1);
                lastSubsetEnd = subsetEnd < 0 ? lastSubsetEnd : subsetEnd;
            }

            var limit = subsetEnd < 0 ? text.Length : subsetEnd;
            subset = text[open..limit];
            var gt = subsetEnd < 0 ? -1 : text.IndexOf('>', subsetEnd);
            return gt < 0 ? text.Length : gt + 1;
        }

        subset = string.Empty;
        return close < 0 ? text.Length : close + 1;
    }

    private static bool ClosesAfter(string text, int bracket)
    {
        for (var i = bracket + 1; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i] == '>';
            }
        }

        return false;
    }
}
