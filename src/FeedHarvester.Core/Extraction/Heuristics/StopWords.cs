using System.Collections.Frozen;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// The most frequent function words of a few major languages, for guessing a page's language when it declares
/// none. A word listed for two languages ("con", "il", "para") is dropped from both when the sets are built, so
/// every hit is evidence for one language only.
/// </summary>
internal static class StopWords
{
    public static readonly FrozenDictionary<string, FrozenSet<string>> ByLanguage = Distinct(new Dictionary<string, string[]>
    {
        ["en"] = Set("the", "and", "of", "to", "is", "that", "it", "was", "for", "with", "as", "on", "are", "be", "this", "by", "have", "from", "at", "they", "which", "but", "were", "been", "has", "their", "would", "said", "will", "there", "what", "when", "who", "not"),
        ["de"] = Set("der", "und", "den", "das", "ist", "nicht", "von", "zu", "mit", "sich", "auf", "für", "dem", "ein", "eine", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "noch", "wie", "einem", "über", "einen", "sind", "oder", "wurde"),
        ["es"] = Set("el", "los", "las", "del", "que", "y", "por", "con", "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "fue", "este", "ha", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "hasta", "hay", "donde", "desde", "todo", "nos", "durante"),
        ["fr"] = Set("le", "les", "des", "et", "est", "du", "une", "pour", "pas", "qui", "dans", "sur", "au", "avec", "il", "ce", "sont", "aux", "ne", "plus", "par", "mais", "ou", "été", "cette", "nous", "leur", "elle", "ont", "aussi", "comme", "sa", "ses", "ces", "fait"),
        ["it"] = Set("il", "di", "che", "è", "della", "per", "non", "sono", "gli", "nel", "alla", "si", "anche", "con", "dei", "delle", "una", "ma", "più", "come", "questo", "della", "nella", "stato", "sul", "ha", "essere", "dalla", "loro", "degli", "quando", "ci"),
        ["pt"] = Set("o", "os", "não", "uma", "com", "para", "é", "da", "do", "das", "dos", "em", "no", "na", "ao", "mais", "como", "mas", "foi", "ele", "ela", "seu", "sua", "ou", "quando", "muito", "nos", "já", "também", "só", "pelo", "pela", "até", "isso", "são", "está", "você"),
        ["nl"] = Set("het", "een", "van", "en", "niet", "dat", "zijn", "op", "te", "voor", "met", "ook", "maar", "wordt", "bij", "nog", "naar", "dan", "heeft", "worden", "deze", "hij", "uit", "tot", "wel", "geen", "kan", "veel", "werd", "zo", "wat", "omdat"),
    });

    private static string[] Set(params string[] words) => words;

    private static FrozenDictionary<string, FrozenSet<string>> Distinct(Dictionary<string, string[]> lists)
    {
        var shared = lists.Values.SelectMany(words => words.Distinct()).GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return lists.ToFrozenDictionary(l => l.Key, l => l.Value.Where(w => !shared.Contains(w)).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
