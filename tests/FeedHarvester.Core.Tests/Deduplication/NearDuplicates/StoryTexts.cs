using System.Globalization;
using System.Text.RegularExpressions;
using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.Tests.Deduplication.NearDuplicates;

/// <summary>
/// The stories of TestData/stories (six different local stories, four of them on one storm, every Courier story ending with
/// the same newsletter paragraph) and the ways a syndicated copy of one differs from it.
/// </summary>
internal static partial class StoryTexts
{
    /// <summary>The Courier's standard closing paragraph (41 words), shared by five of the stories.</summary>
    public const string CourierBoilerplate =
        "The Kettlewick Courier is an independent, reader-funded newsroom covering Kettlewick and the Wend valley since 1894.";

    /// <summary>The Courier's flood-safety paragraph, shared by its three storm stories.</summary>
    public const string FloodSafety = "Flood safety: never walk or drive through flood water";

    public const string RiverFlooding = "storm-river-flooding";

    /// <summary><see cref="RiverFlooding"/> with five sentences copy-edited (a figure, a verb, a rephrased clause).</summary>
    public const string RiverFloodingEdited = "storm-river-flooding.edited";

    /// <summary>Another outlet's own report of the same flood, quoting the same resident: a different text.</summary>
    public const string RiverFloodingRival = "storm-river-flooding-rival";

    public const string PowerCuts = "storm-power-cuts";

    public const string CleanupFund = "storm-cleanup-fund";

    public const string LibraryHours = "council-library-hours";

    public const string BusRoute = "council-bus-route";

    /// <summary>Every story that is not an edited copy of another.</summary>
    public static readonly string[] Originals = [RiverFlooding, RiverFloodingRival, PowerCuts, CleanupFund, LibraryHours, BusRoute];

    public static string Load(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "stories", name + ".txt"));

    public static StorySignature Signature(string text) =>
        StorySignatureBuilder.TryBuild(text, MinWords) ?? throw new InvalidOperationException("The text is too short for a signature.");

    /// <summary>The word floor the harvester uses by default (DeduplicationOptions.MinWordsForContentKey).</summary>
    public const int MinWords = 50;

    public static int WordCount(string text) => WordPattern().Count(text);

    /// <summary>The first <paramref name="count"/> words of <paramref name="text"/>, with their punctuation.</summary>
    public static string FirstWords(string text, int count)
    {
        var match = WordPattern().Matches(text)[count - 1];
        return text[..(match.Index + match.Length)];
    }

    /// <summary>The ways a copy on another site differs from the original, each applied on its own.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, string>> CopyVariants = new Dictionary<string, Func<string, string>>
    {
        ["tagline"] = text => "KETTLEWICK, England (AP) —\n\n" + text,
        ["byline"] = text => "By Jane Doe, Associated Press\n\n" + text,
        ["title case"] = text => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text),
        ["related block"] = text => text + "\n\nRelated\n\nCouncil approves emergency storm fund for flooded homes\n\n" +
            "Thousands left without power as gales hit hill villages\n\nWhy the Millrace flood wall is still not built\n\n" +
            "Rail line reopens after tree falls near Wend Bridge",
        ["republication line"] = text => text +
            "\n\nThis article was first published by the Kettlewick Courier and is republished here with permission.",
    };

    /// <summary>Every <see cref="CopyVariants"/> applied at once.</summary>
    public static string AllVariants(string text) => CopyVariants.Values.Aggregate(text, (current, variant) => variant(current));

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
