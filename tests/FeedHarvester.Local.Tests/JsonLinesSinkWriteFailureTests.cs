using FeedHarvester.Emitting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

/// <summary>
/// A write that fails in the running process (the output disk full, an fsync error): the round returns a failure value,
/// the file is cut back to its committed length at once, and the records stay queued for a later round.
/// </summary>
public sealed class JsonLinesSinkWriteFailureTests : IDisposable
{
    private const int BatchSize = 2;
    private const int PartialLineTruncatedEvent = 12;
    private const int UnconfirmedTailCutEvent = 40;

    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLoggerFactory _logs = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task EmitPending_DiskFullMidLine_FileCutBackToCommittedRecordsAndFailureReturned()
    {
        using var local = Open();
        await ClaimAsync(local, 1, 2, 3, 4, 5);

        // The third line is the first of the second batch: half of it reaches the disk, as with ENOSPC mid-write.
        local.Sink.FaultInjector = DiskFullAt(EmitStep.MidLine, occurrence: 3);
        var result = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(2, result.Emitted);
        Assert.Equal(EmitFailureKind.OutputNotWritable, result.Failure?.Kind);
        Assert.Contains(_directory.OutputPath, result.Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal(OutputFile.Ids([1, 2]), OutputFile.ReadIds(_directory.OutputPath));
        Assert.Equal(3, await local.Store.CountPendingAsync(CancellationToken.None));
        Assert.Equal(1, _logs.Count(UnconfirmedTailCutEvent));
    }

    [Fact]
    public async Task EmitPending_SpaceReturnsAfterFailures_QueuedRecordsWrittenOnceWithoutRecoveryWarnings()
    {
        using var local = Open();
        await ClaimAsync(local, 1, 2, 3, 4, 5);
        local.Sink.FaultInjector = DiskFullAt(EmitStep.MidLine, occurrence: 3);
        _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
        local.Sink.FaultInjector = DiskFullAt(EmitStep.MidLine, occurrence: 1);
        for (var round = 0; round < 3; round++)
        {
            Assert.NotNull((await local.Sink.EmitPendingAsync(CancellationToken.None)).Failure);
            local.Sink.FaultInjector = DiskFullAt(EmitStep.MidLine, occurrence: 1);
        }

        local.Sink.FaultInjector = null;
        var result = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new EmitResult(3, 0), result);
        Assert.Equal(OutputFile.Ids([1, 2, 3, 4, 5]), OutputFile.ReadIds(_directory.OutputPath));
        Assert.Equal(0, await local.Store.CountPendingAsync(CancellationToken.None));

        // The failed rounds repaired the tail themselves: the next round found nothing to recover or warn about.
        Assert.Equal(0, _logs.Count(PartialLineTruncatedEvent));
        Assert.DoesNotContain(_logs.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task EmitPending_FsyncFails_UnsyncedLinesCutAndWrittenAgainExactlyOnce()
    {
        using var local = Open();
        await ClaimAsync(local, 1, 2, 3);
        local.Sink.FaultInjector = DiskFullAt(EmitStep.BeforeFlush, occurrence: 1);

        var failed = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new EmitResult(0, 0, failed.Failure), failed);
        Assert.NotNull(failed.Failure);
        Assert.Equal(0, new FileInfo(_directory.OutputPath).Length);

        local.Sink.FaultInjector = null;
        Assert.Equal(new EmitResult(3, 0), await local.Sink.EmitPendingAsync(CancellationToken.None));
        Assert.Equal(OutputFile.Ids([1, 2, 3]), OutputFile.ReadIds(_directory.OutputPath));
    }

    [Fact]
    public async Task EmitPending_OutputPathNotAFile_FailureNamesTheFileAndRecordsStayQueued()
    {
        using var local = Open();
        await ClaimAsync(local, 1);
        _ = Directory.CreateDirectory(_directory.OutputPath);

        var result = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(EmitFailureKind.OutputNotWritable, result.Failure?.Kind);
        Assert.Contains(_directory.OutputPath, result.Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await local.Store.CountPendingAsync(CancellationToken.None));
    }

    private static Func<EmitStep, ValueTask> DiskFullAt(EmitStep step, int occurrence)
    {
        var seen = 0;
        return reached => reached == step && ++seen == occurrence
            ? throw new IOException("No space left on device")
            : ValueTask.CompletedTask;
    }

    private LocalStore Open() => LocalStore.Open(_directory.Options(BatchSize), _time, _logs);

    private static async Task ClaimAsync(LocalStore local, params int[] numbers)
    {
        foreach (var n in numbers)
        {
            var article = TestArticles.Create(n);
            Assert.True((await local.Store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None)).IsNew);
        }
    }
}
