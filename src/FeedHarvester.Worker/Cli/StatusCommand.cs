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
        var command = new Command("status", "Show every feed's state from the store, while the worker runs.") { dataDir, redis, config, json };
        command.SetAction((result, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            AddOverride(overrides, "FeedHarvester:Storage:DataDirectory", result.GetValue(dataDir));
            AddOverride(overrides, RedisOptions.SectionName + ":Configuration", result.GetValue(redis));
            var request = new StatusRequest(result.GetValue(config), overrides, result.GetValue(json));
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
        try
        {
            var redis = loaded.Options.Redis;
            states = string.IsNullOrWhiteSpace(redis.Configuration)
                ? await ReadLocalAsync(loaded.Options.Storage.DataDirectory, cancellationToken).ConfigureAwait(false)
                : await ReadRedisAsync(redis, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnreadableException or RedisException or Microsoft.Data.Sqlite.SqliteException or TimeoutException or ArgumentException)
        {
            await error.WriteLineAsync("feedharvester status: " + ex.Message).ConfigureAwait(false);
            return StoreUnreadableExitCode;
        }

        var sorted = states.OrderBy(s => s.FeedUrl, StringComparer.Ordinal).ToList();
        if (request.Json)
        {
            await output.WriteLineAsync(FeedStatusReport.Json(sorted, loaded.Errors)).ConfigureAwait(false);
        }
        else
        {
            FeedStatusReport.WriteTable(output, sorted, timeProvider.GetUtcNow());
            FeedStatusReport.WriteConfiguration(output, loaded.Errors);
        }

        return 0;
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
