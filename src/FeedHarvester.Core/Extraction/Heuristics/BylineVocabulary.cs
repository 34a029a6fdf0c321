using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// What a byline carries besides the authors' names, as data: the words before a name in several languages, values
/// that are labels rather than names, the words of job titles and organisations, and the patterns of dates and
/// handles. The cleaner (<see cref="Metadata.BylineCleaner"/>) keeps the names only.
/// </summary>
internal static partial class BylineVocabulary
{
    /// <summary>Words before the name: English, German, French, Spanish/Portuguese, Italian, Dutch, Scandinavian,
    /// Polish, Russian, and labels ("Author:").</summary>
    [GeneratedRegex(
        @"^\s*(?:(?:written|posted|post|published|reported|words|story|text|photos?|reviewed|edited|fact[- ]checked|updated|answered|asked)\s+by|by|von|par|écrit par|por|escrito por|publicado por|di|scritto da|door|af|av|przez|автор|от|authors?|written|posted|tekst|text|texto)\s*[:：]?\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Prefix();

    /// <summary>Values that fill an author field without naming anyone.</summary>
    public static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
        ["by", "written by", "posted by", "author", "authors", "name", "undefined", "null", "none", "unknown", "anonymous",
         "admin", "administrator", "guest", "user", "editor", "staff writer", "n/a",
         // accessibility links that share an author-like class with the byline
         "skip to content", "skip to main content", "skip to navigation", "skip navigation"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Where a name ends: a separator before a date, a role, a place or a reading time.</summary>
    [GeneratedRegex(@"\s+[|•·—–-]\s*|\s*[|•·—–»›]\s*|\s+(?i:on|at|in|updated|published|posted)\s+(?=\p{Lu}|\d)|\s+(?=@)|\s*\(|\s*\n",
        RegexOptions.CultureInvariant)]
    public static partial Regex Tail();

    /// <summary>Separators between several authors' names.</summary>
    [GeneratedRegex(@"\s*(?:,|;|&|\s(?i:and|und|et|y|e|en|og|och|i)\s)\s*", RegexOptions.CultureInvariant)]
    public static partial Regex NameSeparator();

    /// <summary>The start of a date written out ("Apr 16, 2015", "January 18") or a word that starts with a digit (a
    /// time, a count): no name is one. Digits inside a word are a handle's ("user3080392") and stay.</summary>
    [GeneratedRegex(
        @"(?<!\S)\d|\b(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+\d",
        RegexOptions.CultureInvariant)]
    public static partial Regex DateOrNumber();

    /// <summary>Words of job titles, credentials and desks: a comma part holding one is a role, not a name.</summary>
    public static readonly FrozenSet<string> RoleWords = FrozenSet.ToFrozenSet(
    [
        "editor", "editors", "editorial", "writer", "writers", "reporter", "reporters", "correspondent", "contributor",
        "contributing", "columnist", "staff", "team", "desk", "senior", "junior", "chief", "lead", "head", "principal",
        "associate", "assistant", "deputy", "managing", "executive", "director", "manager", "officer", "president",
        "founder", "co-founder", "ceo", "cto", "cfo", "technologist", "engineer", "analyst", "researcher", "scientist",
        "professor", "expert", "specialist", "consultant", "strategist", "dietitian", "nutritionist", "coach",
        "trainer", "instructor", "photographer", "producer", "host", "intern", "fellow", "partner", "attorney",
        "md", "m.d.", "phd", "ph.d.", "rn", "dds", "cpa", "mba", "facp", "faclm", "author", "about", "since",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Weekday names and abbreviations a byline's date starts with ("Posted by X » Tue …").</summary>
    public static readonly FrozenSet<string> Weekdays = FrozenSet.ToFrozenSet(
        ["mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday",
         "friday", "saturday", "sunday"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A name has at most this many words; a longer part is a sentence or a title.</summary>
    public const int MaxNameWords = 5;
}
