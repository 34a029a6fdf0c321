using System.Globalization;
using FeedHarvester.Feeds;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// A feed's definition as its job's data, strings only: any worker of the cluster polls any feed from its job alone, also a
/// feed another worker's edit added that this worker's own feed list does not have yet.
/// </summary>
internal static class FeedJobData
{
    private const string UrlKey = "url";
    private const string IntervalKey = "interval";
    private const string TitleKey = "title";
    private const string CategoryKey = "category";
    private const string UserAgentKey = "userAgent";

    public static JobDataMap ToMap(FeedDefinition feed)
    {
        var map = new JobDataMap { [UrlKey] = feed.Url.AbsoluteUri };
        Put(map, IntervalKey, feed.Interval?.ToString("c", CultureInfo.InvariantCulture));
        Put(map, TitleKey, feed.Title);
        Put(map, CategoryKey, feed.Category);
        Put(map, UserAgentKey, feed.UserAgent);
        return map;
    }

    /// <summary>The feed a job polls, or null for data no release wrote (the job is then left alone).</summary>
    public static FeedDefinition? FromMap(JobDataMap map)
    {
        if (Get(map, UrlKey) is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var interval = Get(map, IntervalKey) is { } text && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var parsed) ? parsed : (TimeSpan?)null;
        return new FeedDefinition(uri, interval, Get(map, TitleKey), Get(map, CategoryKey), Enabled: true, Get(map, UserAgentKey));
    }

    /// <summary>
    /// The definition as one line ("key=value", tab-separated, keys in order), kept as the job's description: a reconcile
    /// lists every stored job's line in one query and compares it with the feed's instead of reading each job.
    /// </summary>
    public static string Summary(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return string.Join('\t', ToMap(feed).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}={e.Value}")));
    }

    /// <summary>Whether a stored job polls <paramref name="feed"/> as it is defined now (an enabled feed: disabled ones have no job).</summary>
    public static bool Describes(JobDataMap map, FeedDefinition feed) => FromMap(map) == feed with { Enabled = true };

    private static void Put(JobDataMap map, string key, string? value)
    {
        if (value is not null)
        {
            map[key] = value;
        }
    }

    private static string? Get(JobDataMap map, string key) => map.TryGetValue(key, out var value) ? value as string : null;
}
