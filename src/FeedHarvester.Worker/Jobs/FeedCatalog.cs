using System.Collections.Frozen;
using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Jobs;

/// <summary>The feeds this worker harvests, by URL; replaced as a whole when the feed list is edited.</summary>
internal sealed class FeedCatalog(IReadOnlyList<FeedDefinition> feeds)
{
    private volatile Snapshot _current = new(feeds);

    public IReadOnlyList<FeedDefinition> Feeds => _current.Feeds;

    public FeedDefinition? Find(string feedUrl) => _current.ByUrl.GetValueOrDefault(feedUrl);

    /// <summary>Makes <paramref name="next"/> the feed list; returns what was added, removed and changed.</summary>
    public FeedListChange Replace(IReadOnlyList<FeedDefinition> next)
    {
        var before = _current;
        var after = new Snapshot(next);
        _current = after;
        return new FeedListChange(
            after.Feeds.Where(f => !before.ByUrl.ContainsKey(f.Url.AbsoluteUri)).ToList(),
            before.Feeds.Where(f => !after.ByUrl.ContainsKey(f.Url.AbsoluteUri)).ToList(),
            after.Feeds.Where(f => before.ByUrl.TryGetValue(f.Url.AbsoluteUri, out var old) && old != f).ToList());
    }

    private sealed class Snapshot(IReadOnlyList<FeedDefinition> feeds)
    {
        public IReadOnlyList<FeedDefinition> Feeds { get; } = feeds;

        public FrozenDictionary<string, FeedDefinition> ByUrl { get; } =
            feeds.DistinctBy(f => f.Url.AbsoluteUri).ToFrozenDictionary(f => f.Url.AbsoluteUri, StringComparer.Ordinal);
    }
}

/// <summary>The difference between two feed lists.</summary>
internal sealed record FeedListChange(IReadOnlyList<FeedDefinition> Added, IReadOnlyList<FeedDefinition> Removed, IReadOnlyList<FeedDefinition> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
