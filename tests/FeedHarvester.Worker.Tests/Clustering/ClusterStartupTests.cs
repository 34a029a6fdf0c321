using FeedHarvester.Redis.Tests;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;
using FeedHarvester.Worker.Clustering;
using FeedHarvester.Worker.Configuration;

namespace FeedHarvester.Tests.Clustering;

/// <summary>Clustered mode's start-up: its options checked with the rest, its database prepared or refused in one line.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterStartupTests
{
    [Fact]
    public void Settings_ClusterWithoutRedis_OneErrorSayingRedisModeIsNeeded()
    {
        var loaded = SettingsLoader.Load(ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:Cluster:ConnectionString"] = "Host=127.0.0.1;Database=feedharvester",
        }));

        var error = Assert.Single(loaded.Errors);
        Assert.Contains("FeedHarvester:Cluster:ConnectionString", error, StringComparison.Ordinal);
        Assert.Contains("needs Redis mode", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database=feedharvester", "names no Host")]
    [InlineData("Hots=127.0.0.1", "not a valid Npgsql connection string")]
    [InlineData(" ", "must name a PostgreSQL server")]
    public void Settings_UnusableConnectionString_RefusedNamingTheKey(string connectionString, string why)
    {
        var loaded = SettingsLoader.Load(ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:Redis:Configuration"] = "127.0.0.1:6379",
            ["FeedHarvester:Cluster:ConnectionString"] = connectionString,
        }));

        Assert.Contains(loaded.Errors, e => e.Contains("FeedHarvester:Cluster:ConnectionString", StringComparison.Ordinal) && e.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_ClusterWithRedis_IsClusteredMode()
    {
        var loaded = SettingsLoader.Load(ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:Redis:Configuration"] = "127.0.0.1:6379",
            ["FeedHarvester:Cluster:ConnectionString"] = "Host=127.0.0.1;Database=feedharvester",
        }));

        Assert.True(loaded.Settings is not null, string.Join("\n", loaded.Errors));
        Assert.True(loaded.Settings.UsesCluster);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunOnce_InClusteredMode_RefusedWithExitCode2AndOneLineBeforeAnyConnection(bool fromConfiguration)
    {
        using var runner = new HarvestRunner();
        // Nothing listens there: a refusal that tried to connect would say "cannot be reached" and exit 9 instead.
        var cluster = $"Host=127.0.0.1;Port={RedisServer.FreePort()};Username=postgres";
        var environment = new Dictionary<string, string>(runner.Environment);
        string[] arguments = ["run", "--once", "--feeds", WriteFeeds(runner), "--redis", $"127.0.0.1:{RedisServer.FreePort()}", "--data-dir", runner.DataDirectory];
        if (fromConfiguration)
        {
            environment["FeedHarvester__Cluster__ConnectionString"] = cluster;
        }
        else
        {
            arguments = [.. arguments, "--cluster", cluster];
        }

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(environment, arguments);

        Assert.Equal(RunCommand.InvalidConfigurationExitCode, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("run --once does not run in clustered mode (--cluster, FeedHarvester:Cluster:ConnectionString)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.Trim());
    }

    [Fact]
    public async Task Run_JsonWithoutOnce_RefusedWithExitCode2InsteadOfIgnored()
    {
        using var runner = new HarvestRunner();

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(runner.Environment, "run", "--json", "--feeds", WriteFeeds(runner), "--data-dir", runner.DataDirectory);

        Assert.Equal(RunCommand.InvalidConfigurationExitCode, exitCode);
        Assert.Contains("--json is for run --once's summary", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DatabaseUnreachable_ExitCode9WithOneLine()
    {
        using var runner = new HarvestRunner();
        var unused = RedisServer.FreePort();

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            "run", "--feeds", WriteFeeds(runner), "--redis", $"127.0.0.1:{RedisServer.FreePort()}", "--cluster", $"Host=127.0.0.1;Port={unused};Username=postgres",
            "--data-dir", runner.DataDirectory);

        Assert.Equal(RunCommand.ClusterDatabaseExitCode, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"the cluster database 127.0.0.1:{unused}/", line, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SchemaNewerThanThisRelease_ExitCode9SayingUpgrade()
    {
        await using var postgres = await PostgresServer.StartAsync();
        _ = await ClusterSchema.EnsureAsync(postgres.ConnectionString, CancellationToken.None);
        await ExecuteAsync(postgres, $"UPDATE feedharvester_schema SET version = {ClusterSchema.CurrentVersion + 1}");
        using var runner = new HarvestRunner();

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            "run", "--feeds", WriteFeeds(runner), "--redis", $"127.0.0.1:{RedisServer.FreePort()}", "--cluster", postgres.ConnectionString,
            "--data-dir", runner.DataDirectory);

        Assert.Equal(RunCommand.ClusterDatabaseExitCode, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Quartz schema version {ClusterSchema.CurrentVersion + 1}, newer than this release knows", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_ThreeWorkersPreparingAtOnce_CreatedOnceAndUsableByQuartz()
    {
        await using var postgres = await PostgresServer.StartAsync();

        var before = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ClusterSchema.EnsureAsync(postgres.ConnectionString, CancellationToken.None)));
        var again = await ClusterSchema.EnsureAsync(postgres.ConnectionString, CancellationToken.None);

        Assert.Equal([0, ClusterSchema.CurrentVersion, ClusterSchema.CurrentVersion], before.Order());
        Assert.Equal(ClusterSchema.CurrentVersion, again);
        Assert.Equal("1", await ScalarAsync(postgres, "SELECT count(*) FROM feedharvester_schema"));
        Assert.Equal("0", await ScalarAsync(postgres, "SELECT count(*) FROM qrtz_triggers"));
        Assert.Equal("0", await ScalarAsync(postgres, "SELECT count(*) FROM qrtz_fired_triggers"));
    }

    private static string WriteFeeds(HarvestRunner runner)
    {
        var path = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(path, ["http://127.0.0.1:9/feed.xml"]);
        return path;
    }

    private static async Task ExecuteAsync(PostgresServer postgres, string sql) => _ = await ScalarAsync(postgres, sql);

    private static async Task<string?> ScalarAsync(PostgresServer postgres, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
