using System.CommandLine;
using FeedHarvester.Feeds;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester feeds reset URL [--data-dir DIR | --redis CONFIG] [--config FILE]</c>: forgets what the store holds
/// against a feed (Gone after a 410, Broken after 404s, its back-off, validators and a followed redirect), so the next
/// start polls it as listed. The embedded store is opened with its lock: a running worker has to be stopped first.
/// </summary>
internal static class FeedReset
{
    public static Command Create(TextWriter? output, TextWriter? error)
    {
        var url = new Argument<string>("URL") { Description = "The feed's URL as listed." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory of the embedded store. Default FeedHarvester:Storage:DataDirectory (./data)." };
        var redis = new Option<string?>("--redis") { Description = "A Redis-mode store: a StackExchange.Redis configuration string." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: appsettings.json)." };
        var command = new Command("reset", "Clear a feed's stored state (Gone, Broken, back-off), so it is polled again from the next start.") { url, dataDir, redis, config };
        command.SetAction((result, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (result.GetValue(dataDir) is { } directory)
            {
                overrides["FeedHarvester:Storage:DataDirectory"] = directory;
            }

            if (result.GetValue(redis) is { } connection)
            {
                overrides["FeedHarvester:Redis:Configuration"] = connection;
            }

            return RunAsync(result.GetValue(url)!, result.GetValue(config), overrides, output ?? Console.Out, error ?? Console.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string url, string? configFile, Dictionary<string, string?> overrides, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        const string Prefix = "feedharvester feeds reset";
        if (!FeedEntryRules.TryParseUrl(url, out var feedUrl, out var why))
        {
            await error.WriteLineAsync($"{Prefix}: {why}").ConfigureAwait(false);
            return 1;
        }

        SettingsResult loaded;
        try
        {
            loaded = SettingsLoader.Load(ConfigurationLoader.Load(configFile, overrides), withFeeds: false);
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync($"{Prefix}: {ex.Message}").ConfigureAwait(false);
            return RunCommand.InvalidConfigurationExitCode;
        }

        if (loaded.Errors.Count > 0)
        {
            return await ConfigurationErrors.ReportAsync(error, Prefix, loaded.Errors).ConfigureAwait(false);
        }

        try
        {
            var message = string.IsNullOrWhiteSpace(loaded.Options.Redis.Configuration)
                ? await ResetLocalAsync(loaded.Options.Storage, feedUrl.AbsoluteUri, cancellationToken).ConfigureAwait(false)
                : await ResetRedisAsync(loaded.Options.Redis, feedUrl.AbsoluteUri, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{feedUrl.AbsoluteUri}: {message}").ConfigureAwait(false);
            return message.StartsWith("reset", StringComparison.Ordinal) ? 0 : 1;
        }
        catch (LocalStoreException ex)
        {
            var hint = ex.Fault == LocalStoreFault.InUse ? " Stop the worker, reset the feed, then start it again." : string.Empty;
            await error.WriteLineAsync($"{Prefix}: {ex.Message}{hint}").ConfigureAwait(false);
            return RunCommand.ExitCodeFor(ex.Fault);
        }
        catch (Exception ex) when (ex is RedisAuthenticationException or RedisUnreachableException)
        {
            await error.WriteLineAsync($"{Prefix}: {ex.Message}").ConfigureAwait(false);
            return ex is RedisUnreachableException ? RunCommand.RedisUnreachableExitCode : RunCommand.InvalidConfigurationExitCode;
        }
    }

    private static async Task<string> ResetLocalAsync(LocalStoreOptions options, string feedUrl, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.DatabasePath))
        {
            return $"nothing to reset: there is no state in {options.DatabasePath}";
        }

        using var store = LocalStore.Open(options, TimeProvider.System, NullLoggerFactory.Instance);
        return await ResetAsync(store.Store, feedUrl, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> ResetRedisAsync(RedisOptions options, string feedUrl, CancellationToken cancellationToken)
    {
        using var connection = RedisConnectionFactory.Connect(options);
        RedisConnectionFactory.EnsureConnected(connection, options);
        var store = new RedisHarvestStore(connection, options, NullLogger<RedisHarvestStore>.Instance);
        return await ResetAsync(store, feedUrl, cancellationToken).ConfigureAwait(false);
    }

    // Counters stay (articles emitted); everything that decides whether and when the feed is polled starts over.
    private static async Task<string> ResetAsync(IFeedStateStore store, string feedUrl, CancellationToken cancellationToken)
    {
        if (await store.GetFeedStateAsync(feedUrl, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return "nothing to reset: the store has no state for this feed (it was never polled with this store)";
        }

        var was = state.Status == FeedStatus.Active ? $"{state.ConsecutiveErrors} errors in a row" : state.Status.ToString();
        await store.SaveFeedStateAsync(state with
        {
            Status = FeedStatus.Active,
            ConsecutiveErrors = 0,
            NextPollAt = null,
            LastOutcome = null,
            LastMessage = "reset by the operator",
            ETag = null,
            LastModified = null,
            CurrentUrl = null,
            RedirectCandidate = null,
            RedirectSeenCount = 0,
            PollInterval = null,
        }, cancellationToken).ConfigureAwait(false);
        return $"reset (was {was}); it is polled again from the next start";
    }
}
