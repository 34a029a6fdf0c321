using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Running;

/// <summary>The worker process killed with SIGKILL mid-run, then run again: every article exactly once.</summary>
public sealed class KillAndRestartTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(25)]
    public async Task RunOnce_KilledAfterSomeLines_RestartEmitsEveryArticleExactlyOnce(int linesBeforeKill)
    {
        await using var site = new LoopbackSite { PageDelay = TimeSpan.FromMilliseconds(40) };
        var news = new TestNewsSite(site, itemsPerFeed: 12);
        using var runner = new HarvestRunner(site);
        var feeds = news.WriteFeedList(runner.DataDirectory);
        string[] arguments = ["run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory];

        using (var worker = HarvestRunner.StartWorker(runner.Environment, arguments))
        {
            await WaitForLinesAsync(runner.OutputPath, linesBeforeKill, worker);
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        // The kill must land mid-run, or this test would prove nothing about recovery.
        Assert.InRange(CountLines(runner.OutputPath), linesBeforeKill, news.ArticleUrls.Count - 1);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(
            new Dictionary<string, string>(runner.Environment) { ["Logging__LogLevel__Default"] = "Information" }, arguments);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("articles emitted", stdout, StringComparison.Ordinal);
        // At most one line says what the start recovered (none when the kill left nothing queued), whatever the file's tail held.
        Assert.InRange(stderr.Split('\n').Count(line => line.Contains("Recovered what an earlier run left", StringComparison.Ordinal)), 0, 1);
        Assert.DoesNotContain("Truncated an incomplete last line", stderr, StringComparison.Ordinal);
        var urls = runner.ReadOutput().Select(r => r.GetProperty("url").GetString()!).ToList();
        Assert.Equal(news.ArticleUrls.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunService_SigtermMidRun_ExitsZeroAndRestartEmitsEveryArticleExactlyOnce()
    {
        await using var site = new LoopbackSite { PageDelay = TimeSpan.FromMilliseconds(40) };
        var news = new TestNewsSite(site, itemsPerFeed: 12);
        using var runner = new HarvestRunner(site);
        var feeds = news.WriteFeedList(runner.DataDirectory);
        var environment = new Dictionary<string, string>(runner.Environment)
        {
            ["FeedHarvester__Observability__ListenUrl"] = "",
            ["Logging__LogLevel__Default"] = "Information",
        };

        string serviceLog;
        using (var worker = HarvestRunner.StartWorker(environment, "run", "--feeds", feeds, "--data-dir", runner.DataDirectory))
        {
            var log = worker.StandardError.ReadToEndAsync();
            await WaitForLinesAsync(runner.OutputPath, 5, worker);
            using var term = System.Diagnostics.Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await worker.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, worker.ExitCode);
            serviceLog = await log;
        }

        // One line for the stop, none of the host's own.
        Assert.True(serviceLog.Split('\n').Count(line => line.Contains("Stopped after", StringComparison.Ordinal)) == 1, serviceLog);
        Assert.DoesNotContain("Application is shutting down", serviceLog, StringComparison.Ordinal);
        Assert.True(!serviceLog.Contains(" fail: ", StringComparison.Ordinal), serviceLog);

        Assert.InRange(CountLines(runner.OutputPath), 5, news.ArticleUrls.Count - 1);
        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(runner.Environment, "run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.True(exitCode == 0, stderr);
        var urls = runner.ReadOutput().Select(r => r.GetProperty("url").GetString()!).ToList();
        Assert.Equal(news.ArticleUrls.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
    }

    private static async Task WaitForLinesAsync(string path, int lines, System.Diagnostics.Process worker)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!worker.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (lines == 0 ? File.Exists(path) || Directory.Exists(Path.GetDirectoryName(path)) : CountLines(path) >= lines)
            {
                return;
            }

            await Task.Delay(5);
        }
    }

    private static int CountLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var count = 0;
            int b;
            while ((b = stream.ReadByte()) >= 0)
            {
                count += b == '\n' ? 1 : 0;
            }

            return count;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
