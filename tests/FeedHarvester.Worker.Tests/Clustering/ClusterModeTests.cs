using System.Diagnostics;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Clustering;

/// <summary>
/// Clustered mode end to end: real worker processes on one real PostgreSQL and one real Redis. Each feed polled once per
/// interval across the cluster, a killed worker's poll recovered elsewhere, an edit on one node applied to all, a database
/// restart ridden out; and every article once in the stream throughout.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterModeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ThreeWorkers_OneDatabaseAndOneRedis_EachFeedPolledOncePerIntervalAndEveryArticleOnce()
    {
        await using var rig = await ClusterRig.StartAsync(itemsPerFeed: 4);
        // Nine feeds for three workers: each keeps the feeds it last polled while it is free, so three feeds could all stay on two.
        var all = rig.News.FeedUrls.Concat(rig.ServeSmallFeeds(6)).ToList();
        var feeds = rig.WriteFeeds("feeds.txt", all);
        var workers = await rig.StartWorkersAsync(3, rig.Environment(Interval), rig.Arguments(feeds));
        try
        {
            // Load is shared: every worker of the three takes polls.
            foreach (var worker in workers)
            {
                Assert.True(await worker.WaitForAsync("] Polled ", TimeSpan.FromSeconds(40)), "a worker of three polled nothing:\n" + worker.Log);
            }

            var since = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(14));

            foreach (var feed in all)
            {
                var times = rig.RequestTimes(feed.AbsolutePath, since);
                var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
                var seen = $"{feed}: {times.Count} requests in 14 s at a 2 s interval, gaps {string.Join(", ", gaps.Select(g => g.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s";
                // Three schedulers of their own would fire three times an interval; one cluster fires once (jitter is 10%).
                Assert.True(gaps.All(g => g >= TimeSpan.FromSeconds(1.5)), "polled twice within an interval: " + seen);
                // And it goes on firing (a loaded machine stretches the gaps a little, never below the interval).
                Assert.True(times.Count is >= 3 and <= 8, seen);
            }

            var urls = await rig.StreamUrlsAsync();
            Assert.Equal(rig.News.ArticleUrls.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
            Assert.All(workers, w => Assert.False(w.HasExited, w.Log));
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    [Fact]
    public async Task WorkerKilledMidPoll_AnotherWorkerRunsThePollAgainAndEveryArticleIsInTheStreamOnce()
    {
        await using var rig = await ClusterRig.StartAsync(itemsPerFeed: 8, pageDelay: TimeSpan.FromSeconds(3));
        var feed = rig.News.FeedUrls[0];
        // A feed list may not be empty: the workers start on a decoy (a 404) until the feed is added.
        var decoy = rig.Site.Url("/decoy.xml");
        var feeds = rig.WriteFeeds("feeds.txt", [decoy]);
        // An hour's interval: after the kill, only recovery polls the feed again.
        var workers = await rig.StartWorkersAsync(2, rig.Environment(TimeSpan.FromHours(1)), rig.Arguments(feeds));
        try
        {
            _ = rig.WriteFeeds("feeds.txt", [decoy, feed]);
            var polling = await ExecutingInstanceAsync(rig, feed, TimeSpan.FromSeconds(30));
            Assert.True(polling is not null, "the feed's poll never started:\n" + string.Join("\n---\n", workers.Select(w => w.Log)));
            var victim = workers.Single(w => w.Count($" as {polling}") == 1);
            var survivor = workers.Single(w => w != victim);
            var pages = rig.Site.RequestLog.Count(r => r.Path.EndsWith(".html", StringComparison.Ordinal));
            Assert.True(victim.Count("] Polled ") == 0, "the poll finished before the kill:\n" + victim.Log);

            await victim.KillAsync();
            Assert.True(await survivor.WaitForAsync($"Polling {feed.AbsoluteUri} again", TimeSpan.FromSeconds(20)), survivor.Log);
            var urls = await rig.WaitForStreamAsync(rig.News.ItemsPerFeed, TimeSpan.FromSeconds(90));

            Assert.True(pages > 0, "the kill was meant to land mid-poll, with pages being fetched");
            var expected = rig.News.ArticleUrls.Where(u => u.Contains("/rss/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, urls.Order(StringComparer.Ordinal));
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    [Fact]
    public async Task FeedListEditedOnOneNode_JobStoreFollowsAndEveryWorkerPollsTheNewList()
    {
        await using var rig = await ClusterRig.StartAsync(itemsPerFeed: 2);
        var (rss, atom, json) = (rig.News.FeedUrls[0], rig.News.FeedUrls[1], rig.News.FeedUrls[2]);
        var first = rig.WriteFeeds("first.txt", [rss, atom]);
        var second = rig.WriteFeeds("second.txt", [rss, atom]);
        using var edited = (await rig.StartWorkersAsync(1, rig.Environment(Interval), rig.Arguments(first)))[0];
        using var untouched = (await rig.StartWorkersAsync(1, rig.Environment(Interval), rig.Arguments(second)))[0];
        Assert.Equal([atom.AbsoluteUri, rss.AbsoluteUri], await rig.StoredJobsAsync());

        _ = rig.WriteFeeds("first.txt", [rss, json]);
        var waited = Stopwatch.StartNew();
        while (!(await rig.StoredJobsAsync()).SequenceEqual([json.AbsoluteUri, rss.AbsoluteUri]) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        Assert.Equal([json.AbsoluteUri, rss.AbsoluteUri], await rig.StoredJobsAsync());
        // A poll of the removed feed that had already fired may still make its request (it can wait for the site's
        // connection limit behind page fetches on a loaded machine); after that, none.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var since = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(8));

        var late = rig.RequestTimes(atom.AbsolutePath, since);
        Assert.True(late.Count == 0, $"the removed feed was polled {late.Count} times after its job was gone:\n{edited.Log}\n---\n{untouched.Log}");
        Assert.True(rig.RequestTimes(json.AbsolutePath, since).Count >= 2, "the added feed is not polled every interval");
        Assert.True(rig.RequestTimes(rss.AbsolutePath, since).Count >= 2, "the kept feed is not polled every interval");
        Assert.False(untouched.HasExited, untouched.Log);
        Assert.False(edited.HasExited, edited.Log);
    }

    [Fact]
    public async Task NodeWithAStaleCopyOfTheList_StartsAfterAnEdit_LeavesTheEditedJobsSaysSoOnceAndItsOwnLaterEditApplies()
    {
        await using var rig = await ClusterRig.StartAsync(itemsPerFeed: 2);
        var (rss, atom, json) = (rig.News.FeedUrls[0], rig.News.FeedUrls[1], rig.News.FeedUrls[2]);
        var edited = rig.WriteFeeds("edited.txt", [rss, atom]);
        // The other node's copy of the list was made before the edit below.
        var stale = rig.WriteFeeds("stale.txt", [rss, atom]);
        File.SetLastWriteTimeUtc(stale, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));
        using var first = (await rig.StartWorkersAsync(1, rig.Environment(Interval), rig.Arguments(edited)))[0];
        _ = rig.WriteFeeds("edited.txt", [rss, json]);
        Assert.True(await WaitForJobsAsync(rig, [json, rss]), first.Log);

        using var late = RunningWorker.Start(rig.Environment(Interval), rig.Arguments(stale));
        Assert.True(await late.WaitForAsync("differs from the one the cluster job store", TimeSpan.FromSeconds(60)), late.Log);
        Assert.Equal([json.AbsoluteUri, rss.AbsoluteUri], await rig.StoredJobsAsync());

        // An edit on the stale node is newer than the applied list, so it is applied, whatever it says.
        _ = rig.WriteFeeds("stale.txt", [rss, atom, json]);
        Assert.True(await WaitForJobsAsync(rig, [atom, json, rss]), late.Log);
        Assert.Equal(1, late.Count("differs from the one the cluster job store"));
        Assert.False(first.HasExited, first.Log);
        Assert.False(late.HasExited, late.Log);
    }

    [Fact]
    public async Task FeedRetimedAndAnotherDisabled_OneJobLeftWithTheNewIntervalAndASecondWorkerDuplicatesNothing()
    {
        await using var rig = await ClusterRig.StartAsync(itemsPerFeed: 2);
        var (rss, atom) = (rig.News.FeedUrls[0], rig.News.FeedUrls[1]);
        var feeds = rig.WriteFeeds("feeds.txt", [rss, atom]);
        using var first = (await rig.StartWorkersAsync(1, rig.Environment(Interval), rig.Arguments(feeds)))[0];
        Assert.Equal(Interval, await RepeatIntervalAsync(rig, rss));

        File.WriteAllLines(feeds, [$"{rss.AbsoluteUri} interval=7s", $"{atom.AbsoluteUri} enabled=false"]);
        Assert.True(await WaitForJobsAsync(rig, [rss]), first.Log);
        var waited = Stopwatch.StartNew();
        while (await RepeatIntervalAsync(rig, rss) != TimeSpan.FromSeconds(7) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        Assert.Equal(TimeSpan.FromSeconds(7), await RepeatIntervalAsync(rig, rss));
        using var second = (await rig.StartWorkersAsync(1, rig.Environment(Interval), rig.Arguments(feeds)))[0];
        Assert.Equal([rss.AbsoluteUri], await rig.StoredJobsAsync());
        Assert.Equal("1", await ScalarAsync(rig, "SELECT count(*) FROM qrtz_triggers WHERE job_group = 'feeds'"));
        Assert.Equal(TimeSpan.FromSeconds(7), await RepeatIntervalAsync(rig, rss));
    }

    private static async Task<TimeSpan?> RepeatIntervalAsync(ClusterRig rig, Uri feed) =>
        await ScalarAsync(rig, "SELECT repeat_interval FROM qrtz_simple_triggers WHERE trigger_group = 'feeds' AND trigger_name = @url", feed.AbsoluteUri) is { } ms
            ? TimeSpan.FromMilliseconds(long.Parse(ms, System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private static async Task<string?> ScalarAsync(ClusterRig rig, string sql, string? url = null)
    {
        await using var connection = new Npgsql.NpgsqlConnection(rig.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        if (url is not null)
        {
            _ = command.Parameters.AddWithValue("url", url);
        }

        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<bool> WaitForJobsAsync(ClusterRig rig, IReadOnlyList<Uri> feeds)
    {
        var wanted = feeds.Select(f => f.AbsoluteUri).ToList();
        var waited = Stopwatch.StartNew();
        while (!(await rig.StoredJobsAsync()).SequenceEqual(wanted) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        return (await rig.StoredJobsAsync()).SequenceEqual(wanted);
    }

    [Fact]
    public async Task PostgresRestarted_WorkersKeepRunningLogOnceEachWayAndResume()
    {
        await using var rig = await ClusterRig.StartAsync(itemsPerFeed: 2);
        var feeds = rig.WriteFeeds("feeds.txt", rig.News.FeedUrls);
        var workers = await rig.StartWorkersAsync(2, rig.Environment(TimeSpan.FromSeconds(1)), rig.Arguments(feeds));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            await rig.Postgres.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.All(workers, w => Assert.False(w.HasExited, w.Log));
            await rig.Postgres.StartAgainAsync();
            foreach (var worker in workers)
            {
                Assert.True(await worker.WaitForAsync("answers again", TimeSpan.FromSeconds(20)), worker.Log);
            }

            var since = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(6));

            Assert.All(rig.News.FeedUrls, feed => Assert.True(rig.RequestTimes(feed.AbsolutePath, since).Count >= 2, $"{feed} not polled again after the restart"));
            Assert.All(workers, w =>
            {
                Assert.False(w.HasExited, w.Log);
                Assert.True(w.Count("does not answer") == 1, w.Log);
                Assert.True(w.Count("answers again") == 1, w.Log);
            });
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    // The worker polling the feed right now, by the Quartz instance id its firing is recorded under.
    private static async Task<string?> ExecutingInstanceAsync(ClusterRig rig, Uri feed, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            await using (var connection = new Npgsql.NpgsqlConnection(rig.Postgres.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new Npgsql.NpgsqlCommand("SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = @job AND state = 'EXECUTING'", connection);
                _ = command.Parameters.AddWithValue("job", feed.AbsoluteUri);
                if (await command.ExecuteScalarAsync() is string instance && rig.Site.RequestLog.Any(r => r.Path.EndsWith(".html", StringComparison.Ordinal)))
                {
                    return instance;
                }
            }

            await Task.Delay(100);
        }

        return null;
    }
}
