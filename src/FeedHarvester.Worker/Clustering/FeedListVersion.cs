using System.Security.Cryptography;
using System.Text;
using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// A worker's feed list as the cluster compares it: a fingerprint of the jobs it asks for (every enabled feed as its job
/// would hold it) and when the list was last edited. Two workers with the same feeds have the same fingerprint whatever
/// the order or the comments of their files.
/// </summary>
internal sealed record FeedListVersion(string Fingerprint, int FeedCount, DateTimeOffset EditedAt)
{
    public static FeedListVersion Of(IEnumerable<FeedDefinition> feeds, DateTimeOffset editedAt)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var jobs = feeds.Where(f => f.Enabled).DistinctBy(f => f.Url.AbsoluteUri).OrderBy(f => f.Url.AbsoluteUri, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        foreach (var feed in jobs)
        {
            _ = text.Append(FeedJobData.Summary(feed)).Append('\n');
        }

        // The database keeps microseconds; whole milliseconds compare the same before and after the round trip.
        var millisecond = new DateTimeOffset(editedAt.UtcTicks - (editedAt.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return new FeedListVersion(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), jobs.Count, millisecond);
    }

    /// <summary>
    /// Whether this list is the one to apply over <paramref name="applied"/>: there is none yet, it is the same list, or it
    /// was edited later. An older or equally old different list is not, so a worker that has not seen an edit yet, or
    /// starts again with a stale copy, does not undo it.
    /// </summary>
    public bool Supersedes(AppliedFeedList? applied) =>
        applied is null || string.Equals(applied.Fingerprint, Fingerprint, StringComparison.Ordinal) || EditedAt > applied.EditedAt;
}
