using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Jobs;

/// <summary>Brings the schedule in line with an edited feed list, once the <see cref="FeedCatalog"/> holds the new list.</summary>
internal interface IFeedListApplier
{
    Task ApplyAsync(FeedListChange change, IReadOnlyList<FeedDefinition> feeds, CancellationToken cancellationToken);
}
