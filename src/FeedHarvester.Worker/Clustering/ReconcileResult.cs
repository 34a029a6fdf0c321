namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// What one reconcile of the feed list changed in the job store, and the list the store now runs. <see cref="Kept"/> is
/// true when this worker's list was not applied because the store runs a different list edited later (or at the same time).
/// </summary>
internal sealed record ReconcileResult(int Added, int Removed, int Changed, int Unchanged, AppliedFeedList Applied, bool Kept = false);
