using System.Globalization;
using System.Text;

namespace FeedHarvester.Eval;

/// <summary>
/// Tokens as Python's <c>re.findall(r"\w+", text)</c> finds them on str: runs of characters that are alphabetic
/// (Lu, Ll, Lt, Lm, Lo), numeric (Nd, Nl, No) or "_". Combining marks (Mn, Mc) are NOT word characters in Python,
/// so "क्षत्रिय" is four tokens there; .NET's \w would keep it whole, which is why this is not a Regex.
/// </summary>
public static class PythonWordTokenizer
{
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var start = -1;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWord(rune))
            {
                if (start < 0)
                {
                    start = index;
                }
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..index]);
                start = -1;
            }

            index += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }

    public static bool IsWord(Rune rune) =>
        rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
}
