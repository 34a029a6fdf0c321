using System.Globalization;
using System.Text.RegularExpressions;
using FeedHarvester.Parsing;

namespace FeedHarvester.Conformance;

/// <summary>Reads a canonical field ("entry[0].enclosure[1].url", "feed.title" …) out of a parse result.</summary>
internal static partial class FactReader
{
    [GeneratedRegex(@"^entry\[(?<i>\d+)\]\.(?<field>[a-z]+)(?:\[(?<j>\d+)\])?(?:\.(?<sub>[a-z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryFact();

    /// <summary>The value (string, bool, int or DateTimeOffset), or null when absent.</summary>
    public static object? Read(FeedParseResult result, string fact)
    {
        switch (fact)
        {
            case "wellformed": return result.WellFormed;
            case "entry.count": return result.Entries.Count;
            case "feed.title": return result.Feed.Title;
            case "feed.link": return result.Feed.Link;
            case "feed.subtitle": return result.Feed.Subtitle;
            case "feed.language": return result.Feed.Language;
            case "feed.updated": return result.Feed.Updated;
        }

        var match = EntryFact().Match(fact);
        if (!match.Success)
        {
            throw new NotSupportedException($"unknown fact {fact}");
        }

        var index = int.Parse(match.Groups["i"].Value, CultureInfo.InvariantCulture);
        if (index >= result.Entries.Count)
        {
            return null;
        }

        var entry = result.Entries[index];
        var j = match.Groups["j"].Success ? int.Parse(match.Groups["j"].Value, CultureInfo.InvariantCulture) : 0;
        return match.Groups["field"].Value switch
        {
            "id" => entry.Id,
            "title" => entry.Title,
            "link" => entry.Link,
            "published" => entry.Published,
            "updated" => entry.Updated,
            "author" => entry.Author,
            "summary" => entry.Summary,
            "content" => entry.Content,
            "categories" => j < entry.Categories.Count ? entry.Categories[j] : null,
            "enclosure" => j < entry.Enclosures.Count ? Enclosure(entry.Enclosures[j], match.Groups["sub"].Value) : null,
            var other => throw new NotSupportedException($"unknown entry field {other}"),
        };
    }

    private static string? Enclosure(ParsedEnclosure enclosure, string field) => field switch
    {
        "url" => enclosure.Url,
        "type" => enclosure.Type,
        "length" => enclosure.Length?.ToString(CultureInfo.InvariantCulture),
        var other => throw new NotSupportedException($"unknown enclosure field {other}"),
    };
}
