using System.Text;

namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// The parser promises that a DOCTYPE whose internal subset declares entities is always refused (billion laughs,
/// XXE). Crashes and budgets cannot see a guard that was walked around, so this checks the promise itself: the
/// bytes are read with every NUL dropped, which lays UTF-16 and UTF-32 of any byte order out as ASCII, and a
/// prolog declaring entities found that way must come back as a failure, whatever encoding hid it.
/// </summary>
internal static class DtdOracle
{
    public static bool DeclaresEntities(byte[] body)
    {
        var text = Encoding.Latin1.GetString(body.Where(b => b != 0).ToArray());
        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (doctype < 0 || FirstElement(text) is var root && root >= 0 && root < doctype)
        {
            return false;
        }

        var entity = text.IndexOf("<!ENTITY", doctype, StringComparison.OrdinalIgnoreCase);
        var subsetEnd = text.IndexOf("]>", doctype, StringComparison.Ordinal);
        return entity >= 0 && (subsetEnd < 0 || entity < subsetEnd);
    }

    /// <summary>Where the first start tag of an element is (a '&lt;' followed by a letter), or -1.</summary>
    private static int FirstElement(string text)
    {
        for (var i = text.IndexOf('<'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsAsciiLetter(text[i + 1]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A promise of the pipeline broken without an exception of its own (see <see cref="DtdOracle"/>).</summary>
internal sealed class InvariantViolationException(string message) : Exception(message);
