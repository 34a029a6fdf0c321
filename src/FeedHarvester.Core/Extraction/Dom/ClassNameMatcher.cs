using System.Collections.Concurrent;
using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Dom;

/// <summary>
/// Matches class/id against every vocabulary group once per distinct (class, id) pair: pages repeat the same few
/// hundred class strings over thousands of elements, each pass and rule asks again, and pages of one site share
/// their class names. A per-extraction map answers repeats without locking; a bounded process-wide map carries
/// matches from page to page. Instances are per extraction and not thread-safe; the shared map is.
/// </summary>
internal sealed class ClassNameMatcher
{
    /// <summary>Distinct class/id pairs kept across pages; past this the shared map starts over, so memory stays bounded.</summary>
    private const int MaxSharedEntries = 50_000;

    private static readonly ConcurrentDictionary<(string? Class, string? Id), VocabularyMatches> Shared = new();

    private static readonly VocabularyGroup[] Groups = [.. BoilerplateVocabulary.Unlikely, .. ScoringVocabulary.All];

    private readonly Dictionary<(string? Class, string? Id), VocabularyMatches> _matches = [];

    public VocabularyMatches Of(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id))
        {
            return VocabularyMatches.None;
        }

        if (!_matches.TryGetValue((cls, id), out var matches))
        {
            if (!Shared.TryGetValue((cls, id), out matches))
            {
                matches = Match(DomRules.ClassAndId(element));
                if (Shared.Count >= MaxSharedEntries)
                {
                    Shared.Clear();
                }

                _ = Shared.TryAdd((cls, id), matches);
            }

            _matches[(cls, id)] = matches;
        }

        return matches;
    }

    /// <summary>The groups matching a class/id string, without caching (unit tests, one-off checks).</summary>
    public static VocabularyMatches Match(string classAndId)
    {
        var matches = VocabularyMatches.None;
        if (classAndId.Length == 0)
        {
            return matches;
        }

        foreach (var group in Groups)
        {
            if (group.IsMatch(classAndId))
            {
                matches = matches.With(group);
            }
        }

        return matches;
    }
}
