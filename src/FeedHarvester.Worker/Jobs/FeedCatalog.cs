using System.Collections.Frozen;
using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Jobs;

/// <summary>The feeds this worker harvests, by URL.</summary>
public sealed class FeedCatalog(IReadOnlyList<FeedDefinition> feeds)
{
    private readonly FrozenDictionary<string, FeedDefinition> byUrl =
        feeds.ToFrozenDictionary(f => f.Url.AbsoluteUri, StringComparer.Ordinal);

    public IReadOnlyList<FeedDefinition> Feeds { get; } = feeds;

    public FeedDefinition? Find(string feedUrl) => byUrl.GetValueOrDefault(feedUrl);
}
