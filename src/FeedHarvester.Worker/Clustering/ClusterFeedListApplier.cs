using FeedHarvester.Feeds;
using FeedHarvester.Worker.Jobs;

namespace FeedHarvester.Worker.Clustering;

/// <summary>Clustered mode's answer to an edited feed list: a reconcile of the whole list into the shared job store.</summary>
internal sealed class ClusterFeedListApplier(ClusterFeedScheduler scheduler) : IFeedListApplier
{
    public Task ApplyAsync(FeedListChange change, IReadOnlyList<FeedDefinition> feeds, CancellationToken cancellationToken)
    {
        scheduler.Request();
        return Task.CompletedTask;
    }
}
