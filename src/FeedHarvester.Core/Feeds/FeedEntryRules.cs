using FeedHarvester.Settings;

namespace FeedHarvester.Feeds;

/// <summary>
/// What makes one feed entry usable, wherever it is written (FeedHarvester:Feeds, a plain list, OPML): an absolute
/// http(s) URL and, when it has one, an interval no shorter than Scheduling:IntervalFloor. An entry that breaks a rule
/// is skipped with a message naming it; the rest of the list is kept.
/// </summary>
public static class FeedEntryRules
{
    /// <summary>Checks one feed URL: absolute, http or https.</summary>
    public static bool TryParseUrl(string text, out Uri url, out string why)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!))
        {
            why = $"'{text}' is not an absolute URL";
            return false;
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            why = $"'{text}' is not an http or https URL";
            return false;
        }

        why = string.Empty;
        return true;
    }

    /// <summary>Why a feed's own interval cannot be used, or null when it can.</summary>
    /// <param name="floor">Scheduling:IntervalFloor; null when only parsing (feeds import), where no floor applies yet.</param>
    public static string? IntervalProblem(TimeSpan interval, TimeSpan? floor) =>
        interval <= TimeSpan.Zero ? $"interval {Duration.Format(interval)} must be positive"
        : interval < floor ? "interval " + BelowFloor(interval, floor.Value)
        : null;

    /// <summary>The message for an interval under the floor, naming the option that sets it.</summary>
    public static string BelowFloor(TimeSpan interval, TimeSpan floor) =>
        $"{Duration.Format(interval)} is below FeedHarvester:Scheduling:IntervalFloor ({Duration.Format(floor)}), the shortest interval a feed is polled at";
}
