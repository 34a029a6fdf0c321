using System.Diagnostics;
using System.Runtime.Versioning;
using FeedHarvester.Local;
using FeedHarvester.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Tests.Cli;

/// <summary>
/// The worker process started on a data directory it cannot use as it is: one line on stderr naming the file or
/// directory and what to do, its own exit code, no stack trace; and the re-seed that lets a lost database start again.
/// </summary>
public sealed class StoreStartupTests
{
    [Fact]
    public async Task Run_DatabaseDeletedOutputKept_RefusedWithExitCode6AndOneLine()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
        using var runner = new HarvestRunner(site);
        var arguments = RunOnce(news.WriteFeedList(runner.DataDirectory), runner.DataDirectory);
        Assert.Equal(0, (await HarvestRunner.RunWorkerAsync(runner.Environment, arguments)).ExitCode);
        var output = await File.ReadAllBytesAsync(runner.OutputPath);
        DeleteDatabase(runner.DataDirectory);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(runner.Environment, arguments);

        Assert.Equal(6, exitCode);
        AssertOneLine(stderr, runner.OutputPath);
        Assert.Contains("--reseed-from-output", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("articles emitted", stdout, StringComparison.Ordinal);
        Assert.Equal(output, await File.ReadAllBytesAsync(runner.OutputPath));
    }

    [Fact]
    public async Task Run_DatabaseEmptiedToZeroBytes_RefusedWithExitCode6()
    {
        using var runner = new HarvestRunner();
        await File.WriteAllTextAsync(runner.OutputPath, "{\"id\":\"a\",\"url\":\"http://127.0.0.1:9/a\",\"feed_url\":\"http://127.0.0.1:9/f\",\"guid\":\"a\"}\n");
        await File.WriteAllBytesAsync(Path.Combine(runner.DataDirectory, LocalStoreDefaults.DatabaseFileName), []);

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(RunOnce(UnreachableFeeds(runner.DataDirectory), runner.DataDirectory));

        Assert.Equal(6, exitCode);
        AssertOneLine(stderr, runner.OutputPath);
    }

    [Fact]
    public async Task Run_ReseedFromOutputAfterDatabaseLost_ReEmitsNothingAndEmitsNewArticles()
    {
        await using var site = new LoopbackSite();
        var before = new TestNewsSite(site, itemsPerFeed: 2);
        using var runner = new HarvestRunner(site);
        var arguments = RunOnce(before.WriteFeedList(runner.DataDirectory), runner.DataDirectory);
        Assert.Equal(0, (await HarvestRunner.RunWorkerAsync(runner.Environment, arguments)).ExitCode);
        Assert.Equal(before.ArticleUrls.Count, runner.ReadOutput().Count);
        DeleteDatabase(runner.DataDirectory);
        var after = new TestNewsSite(site, itemsPerFeed: 3);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(runner.Environment, [.. arguments, "--reseed-from-output"]);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains($"articles emitted {after.ArticleUrls.Count - before.ArticleUrls.Count} ", stdout, StringComparison.Ordinal);
        var urls = runner.ReadOutput().Select(r => r.GetProperty("url").GetString()!).ToList();
        Assert.Equal(after.ArticleUrls.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_GarbageDatabase_ExitCode5WithOneLineAndNoStackTrace()
    {
        using var runner = new HarvestRunner();
        var garbage = new byte[8192];
        new Random(3).NextBytes(garbage);
        var database = Path.Combine(runner.DataDirectory, LocalStoreDefaults.DatabaseFileName);
        await File.WriteAllBytesAsync(database, garbage);

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(RunOnce(UnreachableFeeds(runner.DataDirectory), runner.DataDirectory));

        Assert.Equal(5, exitCode);
        AssertOneLine(stderr, database);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(database));
    }

    // File modes and setpriv: the read-only directory is made the Unix way.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Run_ReadOnlyDataDirectory_ExitCode4SayingNotWritableNotInUse()
    {
        // Root writes anywhere, so as root the worker runs as nobody (setpriv); directories it passes through must be readable.
        var root = Path.Combine(Path.GetTempPath(), "fh-readonly-" + Guid.NewGuid().ToString("N"));
        var dataDirectory = Path.Combine(root, "data");
        _ = Directory.CreateDirectory(dataDirectory);
        try
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var feeds = UnreachableFeeds(root);
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            var (exitCode, _, stderr) = await RunUnprivilegedAsync(RunOnce(feeds, dataDirectory));

            Assert.True(exitCode == 4, $"exit {exitCode}: {stderr}");
            AssertOneLine(stderr, dataDirectory);
            Assert.Contains("is not writable", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("in use", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Run_SecondWorkerWithTheSameOutput_ExitCode3NamingTheOutput()
    {
        using var first = new HarvestRunner();
        using var second = new HarvestRunner();
        var shared = Path.Combine(first.DataDirectory, "shared.jsonl");
        using var holder = LocalStore.Open(
            new LocalStoreOptions { DataDirectory = first.DataDirectory, OutputPath = shared }, TimeProvider.System, NullLoggerFactory.Instance);

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            [.. RunOnce(UnreachableFeeds(second.DataDirectory), second.DataDirectory), "--output", shared]);

        Assert.Equal(3, exitCode);
        AssertOneLine(stderr, shared);
        Assert.Contains($"Output file \"{shared}\" is in use by another FeedHarvester process", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunService_DatabaseLost_ExitCode6WithOneLineAndNoHostStackTrace()
    {
        using var runner = new HarvestRunner();
        await File.WriteAllTextAsync(runner.OutputPath, "{\"id\":\"a\",\"url\":\"http://127.0.0.1:9/a\",\"feed_url\":\"http://127.0.0.1:9/f\",\"guid\":\"a\"}\n");
        var environment = new Dictionary<string, string> { ["FeedHarvester__Observability__ListenUrl"] = string.Empty };

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            environment, "run", "--feeds", UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Equal(6, exitCode);
        AssertOneLine(stderr, runner.OutputPath);
    }

    [Theory]
    [InlineData(LocalStoreFault.InUse, 3)]
    [InlineData(LocalStoreFault.NotWritable, 4)]
    [InlineData(LocalStoreFault.DatabaseUnreadable, 5)]
    [InlineData(LocalStoreFault.DatabaseTooNew, 5)]
    [InlineData(LocalStoreFault.StateMissing, 6)]
    public void ExitCodeFor_EachStoreFault_IsTheOneTheReadmeDocuments(LocalStoreFault fault, int exitCode)
    {
        Assert.Equal(exitCode, FeedHarvester.Worker.Cli.RunCommand.ExitCodeFor(fault));
    }

    [Fact]
    public void ExitCodeFor_EveryStoreFault_HasAnExitCode()
    {
        Assert.All(Enum.GetValues<LocalStoreFault>(), fault => Assert.InRange(FeedHarvester.Worker.Cli.RunCommand.ExitCodeFor(fault), 3, 6));
    }

    [Fact]
    public void Validate_ReseedFromOutputInRedisMode_ReportedAsAnInvalidOption()
    {
        var configuration = FeedHarvester.Worker.Configuration.ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = null,
            ["FeedHarvester:Feeds:0:Url"] = "http://127.0.0.1:9/feed.xml",
            ["FeedHarvester:Redis:Configuration"] = "127.0.0.1:6379",
            ["FeedHarvester:Storage:ReseedFromOutput"] = "true",
        });

        var (settings, errors) = FeedHarvester.Worker.Configuration.SettingsLoader.Load(configuration);

        Assert.Null(settings);
        Assert.Contains(errors, e => e.StartsWith("FeedHarvester:Storage:ReseedFromOutput (command line): applies to the embedded store only", StringComparison.Ordinal));
    }

    private static string[] RunOnce(string feeds, string dataDirectory) => ["run", "--once", "--feeds", feeds, "--data-dir", dataDirectory];

    // Never fetched: every case here stops before the first poll.
    private static string UnreachableFeeds(string directory)
    {
        var feeds = Path.Combine(directory, "feeds.txt");
        File.WriteAllLines(feeds, ["http://127.0.0.1:9/feed.xml"]);
        return feeds;
    }

    private static void DeleteDatabase(string dataDirectory)
    {
        var database = Path.Combine(dataDirectory, LocalStoreDefaults.DatabaseFileName);
        foreach (var path in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static void AssertOneLine(string stderr, string names)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("feedharvester: ", line, StringComparison.Ordinal);
        Assert.Contains(names, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [UnsupportedOSPlatform("windows")]
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunUnprivilegedAsync(string[] arguments)
    {
        // As nobody the worker must be readable: a checkout under a private home (/root) is not, so run a copy in the temp folder.
        var copy = Environment.IsPrivilegedProcess ? CopyWorkerToTemp() : null;
        try
        {
            var worker = Path.Combine(copy ?? AppContext.BaseDirectory, "feedharvester.dll");
            var info = copy is not null
                ? new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", worker, .. arguments])
                : new ProcessStartInfo("dotnet", [worker, .. arguments]);

            // The worker also reads appsettings.json from its working directory, which nobody must be able to read.
            info.WorkingDirectory = copy ?? Environment.CurrentDirectory;
            return await RunAsync(info);
        }
        finally
        {
            if (copy is not null)
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    private const UnixFileMode ReadableByAll = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [UnsupportedOSPlatform("windows")]
    private static string CopyWorkerToTemp()
    {
        var copy = Path.Combine(Path.GetTempPath(), "fh-worker-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(AppContext.BaseDirectory, file));
            var folder = Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            folder.UnixFileMode = ReadableByAll | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            File.Copy(file, target);
            File.SetUnixFileMode(target, ReadableByAll | UnixFileMode.UserWrite);
        }

        return copy;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the worker");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
