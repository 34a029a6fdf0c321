using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

/// <summary>
/// A simulated kill -9 at each step of an emit round, then a fresh store and sink over the same files:
/// every claimed article must end up in the output exactly once, in claim order.
/// </summary>
public sealed class JsonLinesSinkCrashTests : IDisposable
{
    private const int BatchSize = 2;

    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    // Five articles in batches of two: [1,2] [3,4] [5]; the crash hits the second time the step is reached.
    [Theory]
    [InlineData(EmitStep.MidLine, 1)]
    [InlineData(EmitStep.BeforeFlush, 2)]
    [InlineData(EmitStep.BeforeCommit, 2)]
    [InlineData(EmitStep.InsideCommit, 2)]
    [InlineData(EmitStep.AfterCommit, 0)]
    internal async Task EmitPending_CrashAtStep_FreshInstanceEmitsEveryArticleExactlyOnce(EmitStep step, int expectedRecovered)
    {
        using (var crashing = Open())
        {
            await ClaimAsync(crashing, 1, 2, 3, 4, 5);
            crashing.Sink.FaultInjector = CrashOnOccurrence(step, occurrence: 2);

            _ = await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Sink.EmitPendingAsync(CancellationToken.None));
        }

        using var restarted = Open();
        var result = await restarted.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(OutputFile.Ids([1, 2, 3, 4, 5]), OutputFile.ReadIds(_directory.OutputPath));
        Assert.Equal(expectedRecovered, result.Recovered);
        Assert.Equal(5, CommittedBeforeCrash(step) + result.Recovered + result.Emitted);
        Assert.Equal(0, await restarted.Store.CountPendingAsync(CancellationToken.None));
        Assert.Equal(new Emitting.EmitResult(0, 0), await restarted.Sink.EmitPendingAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(EmitStep.MidLine)]
    [InlineData(EmitStep.BeforeFlush)]
    [InlineData(EmitStep.BeforeCommit)]
    [InlineData(EmitStep.InsideCommit)]
    [InlineData(EmitStep.AfterCommit)]
    internal async Task EmitPending_CrashAtStepThenMoreClaims_NewClaimsFollowRecoveredOnes(EmitStep step)
    {
        using (var crashing = Open())
        {
            await ClaimAsync(crashing, 1, 2, 3);
            crashing.Sink.FaultInjector = CrashOnOccurrence(step, occurrence: 1);
            _ = await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Sink.EmitPendingAsync(CancellationToken.None));
        }

        using var restarted = Open();
        await ClaimAsync(restarted, 4);
        Assert.False((await restarted.Store.TryClaimAsync(TestArticles.Create(2), TestArticles.KeysOf(TestArticles.Create(2)), CancellationToken.None)).IsNew);
        _ = await restarted.Sink.RecoverAsync(CancellationToken.None);
        _ = await restarted.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(OutputFile.Ids([1, 2, 3, 4]), OutputFile.ReadIds(_directory.OutputPath));
    }

    [Fact]
    public async Task EmitPending_CrashInSameInstance_NextCallRecoversWithoutDuplicates()
    {
        using var local = Open();
        await ClaimAsync(local, 1, 2, 3);
        local.Sink.FaultInjector = CrashOnOccurrence(EmitStep.BeforeCommit, occurrence: 1);
        _ = await Assert.ThrowsAsync<SimulatedCrashException>(() => local.Sink.EmitPendingAsync(CancellationToken.None));
        local.Sink.FaultInjector = null;

        var result = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new Emitting.EmitResult(1, 2), result);
        Assert.Equal(OutputFile.Ids([1, 2, 3]), OutputFile.ReadIds(_directory.OutputPath));
    }

    private static int CommittedBeforeCrash(EmitStep step) => step == EmitStep.AfterCommit ? 4 : step == EmitStep.MidLine ? 0 : 2;

    private static Func<EmitStep, ValueTask> CrashOnOccurrence(EmitStep step, int occurrence)
    {
        var seen = 0;
        return reached =>
        {
            if (reached == step && ++seen == occurrence)
            {
                throw new SimulatedCrashException(step);
            }

            return ValueTask.CompletedTask;
        };
    }

    private LocalStore Open() => LocalStore.Open(_directory.Options(BatchSize), _time, new CapturingLoggerFactory());

    private static async Task ClaimAsync(LocalStore local, params int[] numbers)
    {
        foreach (var n in numbers)
        {
            var article = TestArticles.Create(n);
            Assert.True((await local.Store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None)).IsNew);
        }
    }
}
