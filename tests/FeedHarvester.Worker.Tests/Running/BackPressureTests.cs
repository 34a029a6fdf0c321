using FeedHarvester.Emitting;
using FeedHarvester.Local;
using FeedHarvester.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHarvester.Tests.Running;

public sealed class BackPressureTests
{
    [Fact]
    public async Task RunOnce_SinkSlowerThanFetching_QueuedArticlesStayWithinTheBacklogLimitAndAllAreEmitted()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 10);
        using var runner = new HarvestRunner(site);
        SlowSink? slow = null;

        var summary = await runner.RunOnceInProcessAsync(
            news.WriteFeedList(runner.DataDirectory),
            new Dictionary<string, string?>
            {
                ["FeedHarvester:Scheduling:MaxConcurrentFeeds"] = "1",
                ["FeedHarvester:Scheduling:MaxConcurrentArticlesPerFeed"] = "1",
                ["FeedHarvester:Scheduling:MaxEmitBacklog"] = "2",
            },
            services => WrapSink(services, inner => slow = new SlowSink(inner)));

        // One entry in flight may pass the check just before the backlog fills: the limit plus the entries in flight.
        Assert.NotNull(slow);
        Assert.InRange(slow.MostQueued, 1, 2 + 1);
        Assert.Equal(news.ArticleUrls.Count, summary.ArticlesEmitted);
        Assert.Equal(
            news.ArticleUrls.Order(StringComparer.Ordinal),
            runner.ReadOutput().Select(r => r.GetProperty("url").GetString()!).Order(StringComparer.Ordinal));
    }

    private static void WrapSink(IServiceCollection services, Func<IArticleSink, IArticleSink> wrap)
    {
        var index = services.Count - 1;
        while (services[index].ServiceType != typeof(IArticleSink))
        {
            index--;
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Singleton(sp => wrap((IArticleSink)inner.ImplementationFactory!(sp)));
    }

    /// <summary>Takes 100 ms per round and notes the most articles it ever found queued (outbox lines not yet written).</summary>
    private sealed class SlowSink(IArticleSink inner) : IArticleSink
    {
        public int MostQueued { get; private set; }

        public async Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(100, cancellationToken);
            var result = await inner.EmitPendingAsync(cancellationToken);
            MostQueued = Math.Max(MostQueued, result.Emitted);
            return result;
        }
    }
}
