using System.CommandLine;
using FeedHarvester.Feeds;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester status [--data-dir DIR | --redis CONFIG] [--config FILE] [--json]</c>: every feed the store knows
/// (status, last poll, outcome, next poll, consecutive errors, articles emitted), sorted by URL, with totals. Reads
/// beside a running worker: the embedded database read-only without taking the data-directory lock, or Redis. A
/// configuration on disk that the next start would refuse is reported with the table (the store is still read, with
/// the options as far as they bind).
/// </summary>
internal static class StatusCommand
{
    /// <summary>Exit code when the store cannot be read (no database yet, Redis unreachable).</summary>
    public const int StoreUnreadableExitCode = 1;

    /// <param name="output">Where the report goes; default standard output (tests pass a StringWriter).</param>
    /// <param name="error">Where problems go; default standard error.</param>
    /// <param name="timeProvider">The clock for "3m ago"; default the system clock.</param>
    public static Command Create(TextWriter? output = null, TextWriter? error = null, TimeProvider? timeProvider = null)
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory of the embedded store. Default FeedHarvester:Storage:DataDirectory (./data)." };
        var redis = new Option<string?>("--redis") { Description = "Read a Redis-mode store: a StackExchange.Redis configuration string. Default FeedHarvester:Redis:Configuration." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: appsettings.json)." };
        var json = new Option<bool>("--json") { Description = "One JSON object (feeds and totals) instead of the table." };
        var feeds = new Option<string?>("--feeds") { Description = "The feed list the worker runs with, when it was given one with run --feeds. Default FeedHarvester:FeedsFile or Feeds." };
        var failing = new Option<bool>("--failing") { Description = "Only feeds that are failing, broken or gone." };
        var all = new Option<bool>("--all") { Description = "Also the feeds the store knows that are no longer in the feed list." };
        var command = new Command("status", "Show every feed's state from the store, while the worker runs.") { dataDir, redis, config, json, feeds, failing, all };
        command.SetAction((result, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            AddOverride(overrides, "FeedHarvester:Storage:DataDirectory", result.GetValue(dataDir));
            AddOverride(overrides, RedisOptions.SectionName + ":Configuration", result.GetValue(redis));
            AddOverride(overrides, "FeedHarvester:FeedsFile", result.GetValue(feeds));
            var request = new StatusRequest(result.GetValue(config), overrides, result.GetValue(json)) { FailingOnly = result.GetValue(failing), All = result.GetValue(all) };
            return RunAsync(request, output ?? Console.Out, error ?? Console.Error, timeProvider ?? TimeProvider.System, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(StatusRequest request, TextWriter output, TextWriter error, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        SettingsResult loaded;
        try
        {
            loaded = SettingsLoader.Load(ConfigurationLoader.Load(request.ConfigFile, request.Overrides));
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync("feedharvester status: " + ex.Message).ConfigureAwait(false);
            return RunCommand.InvalidConfigurationExitCode;
        }

        IReadOnlyList<FeedState> states;
        var redis = loaded.Options.Redis;
        var usesRedis = !string.IsNullOrWhiteSpace(redis.Configuration);
        try
        {
            states = usesRedis
                ? await ReadRedisAsync(redis, cancellationToken).ConfigureAwait(false)
                : await ReadLocalAsync(loaded.Options.Storage.DataDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnreadableException or RedisException or Microsoft.Data.Sqlite.SqliteException or TimeoutException or ArgumentException)
        {
            await error.WriteLineAsync("feedharvester status: " + ex.Message).ConfigureAwait(false);
            return StoreUnreadableExitCode;
        }

        var view = View(request, loaded, states, usesRedis);
        if (request.Json)
        {
            await output.WriteLineAsync(FeedStatusReport.Json(view, loaded.Errors)).ConfigureAwait(false);
        }
        else
        {
            FeedStatusReport.WriteTable(output, view, timeProvider.GetUtcNow());
            FeedStatusReport.WriteConfiguration(output, loaded.Errors);
        }

        return 0;
    }

    /// <summary>
    /// The feeds to show. With a feed list configured (or given with <c>--feeds</c>), a feed the store still knows but
    /// the list no longer names is counted, not shown: removing a feed ends its place in the report, not its history.
    /// With no list configured (the worker was started with a list status was not told of) every stored feed is shown.
    /// </summary>
    private static StatusView View(StatusRequest request, SettingsResult loaded, IReadOnlyList<FeedState> states, bool usesRedis)
    {
        var configured = !string.IsNullOrWhiteSpace(loaded.Options.FeedsFile) || loaded.Options.Feeds.Count > 0;
        var listed = loaded.Feeds.DistinctBy(f => f.Url.AbsoluteUri).ToDictionary(f => f.Url.AbsoluteUri, StringComparer.Ordinal);
        var shown = states.Where(s => request.All || !configured || listed.ContainsKey(s.FeedUrl)).ToList();
        var unlisted = states.Count - shown.Count;
        var dataDirectory = Path.GetFullPath(loaded.Options.Storage.DataDirectory);
        var view = new StatusView([], listed, unlisted, usesRedis ? null : DataDirectoryLock.IsHeld(dataDirectory), usesRedis ? $"Redis {loaded.Options.Redis.Configuration}" : dataDirectory)
        {
            LastPoll = states.Max(s => s.LastPolledAt),
        };
        return view with
        {
            States = shown.Where(s => !request.FailingOnly || view.IsFailing(s)).OrderBy(s => s.FeedUrl, StringComparer.Ordinal).ToList(),
        };
    }

    private static Task<IReadOnlyList<FeedState>> ReadLocalAsync(string directory, CancellationToken cancellationToken)
    {
        var database = new LocalStoreOptions { DataDirectory = directory }.DatabasePath;
        if (!File.Exists(database))
        {
            throw new StoreUnreadableException($"no state in {Path.GetFullPath(directory)}: {database} does not exist (has the worker run with this data directory?)");
        }

        // Never LocalStore.Open: it takes the directory's exclusive lock, which the running worker holds.
        return ReadOnlyFeedStates.ReadAsync(database, cancellationToken);
    }

    private static async Task<IReadOnlyList<FeedState>> ReadRedisAsync(RedisOptions options, CancellationToken cancellationToken)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateConfiguration(options)).ConfigureAwait(false);
        var store = new RedisHarvestStore(connection, options, NullLogger<RedisHarvestStore>.Instance);
        return await store.ListFeedStatesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddOverride(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }
    }
}
