namespace FeedHarvester.Worker.Clustering;

/// <summary>What one reconcile of the feed list changed in the job store.</summary>
internal sealed record ReconcileResult(int Added, int Removed, int Changed, int Unchanged);
