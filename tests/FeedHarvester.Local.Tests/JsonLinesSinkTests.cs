using System.Text;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

public sealed class JsonLinesSinkTests : IDisposable
{
    private const int OutputShorterThanCommittedEvent = 13;
    private const int PartialLineTruncatedEvent = 12;

    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task EmitPending_ClaimedArticles_OneValidLinePerArticleInClaimOrder()
    {
        using var local = Open(emitBatchSize: 2);
        await ClaimAsync(local, 1, 2, 3, 4, 5);

        var result = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new Emitting.EmitResult(5, 0), result);
        var records = OutputFile.ReadRecords(_directory.OutputPath);
        Assert.Equal(OutputFile.Ids([1, 2, 3, 4, 5]), records.Select(r => r.Id));
        Assert.Equal(ArticleJson.Serialize(TestArticles.Create(3)), ArticleJson.Serialize(records[2]));
        Assert.Equal(0, await local.Store.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EmitPending_CalledAgain_WritesNothing()
    {
        using var local = Open();
        await ClaimAsync(local, 1, 2);
        _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
        var lengthAfterFirst = new FileInfo(_directory.OutputPath).Length;

        var second = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new Emitting.EmitResult(0, 0), second);
        Assert.Equal(lengthAfterFirst, new FileInfo(_directory.OutputPath).Length);
    }

    [Fact]
    public async Task EmitPending_LaterClaims_AppendedAfterEarlierOnes()
    {
        using var local = Open();
        await ClaimAsync(local, 1, 2);
        _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
        await ClaimAsync(local, 3);

        var result = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(1, result.Emitted);
        Assert.Equal(OutputFile.Ids([1, 2, 3]), OutputFile.ReadIds(_directory.OutputPath));
    }

    [Fact]
    public async Task EmitPending_OutputDirectoryMissing_CreatesIt()
    {
        var options = _directory.Options();
        options.OutputPath = Path.Combine(_directory.Path, "nested", "deeper", "out.jsonl");
        using var local = LocalStore.Open(options, _time, new CapturingLoggerFactory());
        await ClaimAsync(local, 1);

        _ = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(OutputFile.Ids([1]), OutputFile.ReadIds(options.OutputPath));
    }

    [Fact]
    public async Task EmitPending_PartialLastLineBeyondCommitted_TruncatesItAndKeepsRecordsOnce()
    {
        using (var local = Open())
        {
            await ClaimAsync(local, 1, 2);
            _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
        }

        await File.AppendAllTextAsync(_directory.OutputPath, "{\"schema_version\":1,\"id\":\"article-0003\",\"ur");
        var logs = new CapturingLoggerFactory();
        using var reopened = LocalStore.Open(_directory.Options(), _time, logs);
        await ClaimAsync(reopened, 3);

        var result = await reopened.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new Emitting.EmitResult(1, 0), result);
        Assert.Equal(OutputFile.Ids([1, 2, 3]), OutputFile.ReadIds(_directory.OutputPath));
        Assert.Equal(1, logs.Count(PartialLineTruncatedEvent));
    }

    [Fact]
    public async Task EmitPending_OutputShorterThanCommitted_WarnsAndDoesNotReEmit()
    {
        using var local = OpenWithLogs(out var logs);
        await ClaimAsync(local, 1, 2, 3);
        _ = await local.Sink.EmitPendingAsync(CancellationToken.None);

        // An operator rotated the file away.
        File.Move(_directory.OutputPath, _directory.OutputPath + ".1");
        await ClaimAsync(local, 4);
        var result = await local.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new Emitting.EmitResult(1, 0), result);
        Assert.Equal(OutputFile.Ids([4]), OutputFile.ReadIds(_directory.OutputPath));
        Assert.Equal(OutputFile.Ids([1, 2, 3]), OutputFile.ReadIds(_directory.OutputPath + ".1"));
        Assert.Equal(1, logs.Count(OutputShorterThanCommittedEvent));

        // The new file is the base now: no further warning, nothing re-emitted.
        Assert.Equal(new Emitting.EmitResult(0, 0), await local.Sink.EmitPendingAsync(CancellationToken.None));
        Assert.Equal(1, logs.Count(OutputShorterThanCommittedEvent));
    }

    [Fact]
    public async Task EmitPending_OutputTruncatedToFewerBytes_AppendsOnlyNewRecords()
    {
        using (var local = Open())
        {
            await ClaimAsync(local, 1, 2, 3);
            _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
        }

        var firstLine = File.ReadAllText(_directory.OutputPath).Split('\n')[0] + "\n";
        await File.WriteAllTextAsync(_directory.OutputPath, firstLine);
        using var reopened = Open();
        await ClaimAsync(reopened, 4);

        _ = await reopened.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(OutputFile.Ids([1, 4]), OutputFile.ReadIds(_directory.OutputPath));
    }

    [Fact]
    public async Task EmitPending_ForeignLineBeyondCommitted_KeptAndNothingLost()
    {
        using (var local = Open())
        {
            await ClaimAsync(local, 1);
            _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
            await ClaimAsync(local, 2);
        }

        var foreign = ArticleJson.Serialize(TestArticles.Create(99)) + "\n";
        await File.AppendAllTextAsync(_directory.OutputPath, foreign, Encoding.UTF8);
        using var reopened = Open();

        var result = await reopened.Sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(new Emitting.EmitResult(1, 0), result);
        Assert.Equal(OutputFile.Ids([1, 99, 2]), OutputFile.ReadIds(_directory.OutputPath));
    }

    [Fact]
    public async Task EmitPending_ConcurrentClaimsAndEmits_EveryArticleExactlyOnce()
    {
        using var local = Open(emitBatchSize: 7);
        var claimers = Enumerable.Range(0, 8)
            .Select(worker => Task.Run(async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    var article = TestArticles.Create((worker * 25) + i);
                    _ = await local.Store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None);

                    // Every article is claimed twice; the second must always lose.
                    Assert.False((await local.Store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None)).IsNew);
                }
            }))
            .ToList();
        var emitters = Enumerable.Range(0, 3)
            .Select(_ => Task.Run(async () =>
            {
                var total = 0;
                while (!claimers.TrueForAll(c => c.IsCompleted))
                {
                    total += (await local.Sink.EmitPendingAsync(CancellationToken.None)).Emitted;
                }

                return total;
            }))
            .ToList();

        await Task.WhenAll(claimers);
        var emittedConcurrently = (await Task.WhenAll(emitters)).Sum();
        var emittedAtEnd = (await local.Sink.EmitPendingAsync(CancellationToken.None)).Emitted;

        var ids = OutputFile.ReadIds(_directory.OutputPath);
        Assert.Equal(200, emittedConcurrently + emittedAtEnd);
        Assert.Equal(200, ids.Count);
        Assert.Equal(OutputFile.Ids(Enumerable.Range(0, 200)).Order(), ids.Order());
    }

    private LocalStore Open(int emitBatchSize = LocalStoreDefaults.EmitBatchSize) =>
        LocalStore.Open(_directory.Options(emitBatchSize), _time, new CapturingLoggerFactory());

    private LocalStore OpenWithLogs(out CapturingLoggerFactory logs)
    {
        logs = new CapturingLoggerFactory();
        return LocalStore.Open(_directory.Options(), _time, logs);
    }

    private static async Task ClaimAsync(LocalStore local, params int[] numbers)
    {
        foreach (var n in numbers)
        {
            var article = TestArticles.Create(n);
            Assert.True((await local.Store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None)).IsNew);
        }
    }
}
