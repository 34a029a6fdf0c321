using FeedHarvester.Emitting;

namespace FeedHarvester.Redis;

/// <summary>
/// The sink of Redis mode, which has nothing left to do: <see cref="RedisHarvestStore.TryClaimAsync"/> adds the article to
/// the stream in the same script that records its keys, so there is no outbox between claim and emission and nothing a
/// crash could leave queued. Every round therefore delivers and recovers zero records.
/// </summary>
internal sealed class RedisArticleSink : IArticleSink
{
    private static readonly Task<EmitResult> NothingPending = Task.FromResult(new EmitResult(0));

    public bool EmitsOnClaim => true;

    public Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken) => NothingPending;
}
