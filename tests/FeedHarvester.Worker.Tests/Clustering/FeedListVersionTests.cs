using FeedHarvester.Feeds;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Clustering;

namespace FeedHarvester.Tests.Clustering;

/// <summary>
/// Which feed list the cluster's job store runs: the fingerprint two workers compare, the rule that the last edit wins,
/// and the record of the applied list in a real PostgreSQL.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FeedListVersionTests
{
    private static readonly DateTimeOffset Edited = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly FeedDefinition A = new(new Uri("https://a.example/feed.xml"), TimeSpan.FromMinutes(5), "A");

    private static readonly FeedDefinition B = new(new Uri("https://b.example/feed.xml"));

    [Fact]
    public void Of_SameFeedsInAnotherOrderWithDisabledOnesAndRepeats_SameFingerprint()
    {
        var one = FeedListVersion.Of([A, B], Edited);
        var other = FeedListVersion.Of([B, new FeedDefinition(new Uri("https://c.example/feed.xml"), Enabled: false), A, B], Edited);

        Assert.Equal(one.Fingerprint, other.Fingerprint);
        Assert.Equal(2, other.FeedCount);
    }

    [Fact]
    public void Of_IntervalRetimedOrFeedDisabled_AnotherFingerprint()
    {
        var before = FeedListVersion.Of([A, B], Edited).Fingerprint;

        Assert.NotEqual(before, FeedListVersion.Of([A with { Interval = TimeSpan.FromMinutes(6) }, B], Edited).Fingerprint);
        Assert.NotEqual(before, FeedListVersion.Of([A, B with { Enabled = false }], Edited).Fingerprint);
        Assert.NotEqual(before, FeedListVersion.Of([A], Edited).Fingerprint);
    }

    [Fact]
    public void Supersedes_DifferentListEditedEarlierOrAtTheSameTime_IsFalseSoAStaleWorkerDoesNotUndoAnEdit()
    {
        var applied = Applied(FeedListVersion.Of([A, B], Edited));

        Assert.False(FeedListVersion.Of([A], Edited.AddMinutes(-1)).Supersedes(applied));
        Assert.False(FeedListVersion.Of([A], Edited).Supersedes(applied));
        Assert.True(FeedListVersion.Of([A], Edited.AddSeconds(1)).Supersedes(applied));
    }

    [Fact]
    public void Supersedes_SameListEditedEarlierOrNothingApplied_IsTrueSoItIsReconciledAgain()
    {
        var applied = Applied(FeedListVersion.Of([A, B], Edited));

        Assert.True(FeedListVersion.Of([B, A], Edited.AddDays(-1)).Supersedes(applied));
        Assert.True(FeedListVersion.Of([A], Edited.AddDays(-1)).Supersedes(null));
    }

    [Fact]
    public async Task AppliedFeedList_WrittenInPostgres_ReadBackWithTheLaterEditTimeOfTheSameList()
    {
        await using var postgres = await PostgresServer.StartAsync();
        _ = await ClusterSchema.EnsureAsync(postgres.ConnectionString, CancellationToken.None);
        await using var connection = await ClusterDatabase.OpenAsync(postgres.ConnectionString, CancellationToken.None);
        var applied = TimeProvider.System.GetUtcNow();

        Assert.Null(await AppliedFeedList.ReadAsync(connection, CancellationToken.None));
        var first = await AppliedFeedList.WriteAsync(connection, FeedListVersion.Of([A, B], Edited), "worker-1", applied, CancellationToken.None);
        var same = await AppliedFeedList.WriteAsync(connection, FeedListVersion.Of([B, A], Edited.AddHours(-1)), "worker-2", applied, CancellationToken.None);
        var other = await AppliedFeedList.WriteAsync(connection, FeedListVersion.Of([A], Edited.AddHours(1)), "worker-3", applied, CancellationToken.None);

        Assert.Equal((2, Edited, "worker-1"), (first.FeedCount, first.EditedAt, first.AppliedBy));
        Assert.Equal((Edited, "worker-2"), (same.EditedAt, same.AppliedBy));
        Assert.Equal((1, Edited.AddHours(1), "worker-3"), (other.FeedCount, other.EditedAt, other.AppliedBy));
        Assert.Equal(other, await AppliedFeedList.ReadAsync(connection, CancellationToken.None));
        Assert.Equal(FeedListVersion.Of([A], Edited).Fingerprint, other.Fingerprint);
    }

    private static AppliedFeedList Applied(FeedListVersion version) => new(version.Fingerprint, version.FeedCount, version.EditedAt, "worker", version.EditedAt);
}
