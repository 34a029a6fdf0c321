using System.CommandLine;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// <c>feedharvester tail [--group G] [--redis CONFIG] [--config FILE]</c>: prints articles as they arrive on the Redis
/// stream, one JSON record a line. With --group it reads as a consumer of that group (created when missing) and
/// acknowledges what it printed, so several tails share the work; without, it only watches. A Redis restart is waited
/// out (one line on stderr each way); credentials Redis refuses end it with exit code 2, a Redis that does not answer
/// when the tail starts with exit code 7.
/// </summary>
internal static class TailCommand
{
    public static Command Create()
    {
        var group = new Option<string?>("--group") { Description = "Read as a consumer of this consumer group (created at the stream's end when missing)." };
        var redis = new Option<string?>("--redis") { Description = "StackExchange.Redis configuration string; default FeedHarvester:Redis:Configuration." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: appsettings.json)." };
        var command = new Command("tail", "Print new articles from the Redis stream as they arrive.") { group, redis, config };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(group), result.GetValue(redis), result.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? group, string? redisConfiguration, string? configFile, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(redisConfiguration))
        {
            overrides["FeedHarvester:Redis:Configuration"] = redisConfiguration;
        }

        SettingsResult loaded;
        try
        {
            loaded = SettingsLoader.Load(ConfigurationLoader.Load(configFile, overrides), withFeeds: false);
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync("feedharvester tail: " + ex.Message).ConfigureAwait(false);
            return RunCommand.InvalidConfigurationExitCode;
        }

        if (loaded.Errors.Count > 0)
        {
            return await ConfigurationErrors.ReportAsync(Console.Error, "feedharvester tail", loaded.Errors).ConfigureAwait(false);
        }

        var options = loaded.Options.Redis;
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            await Console.Error.WriteLineAsync("feedharvester tail: no Redis configured: pass --redis HOST:PORT or set FeedHarvester:Redis:Configuration").ConfigureAwait(false);
            return RunCommand.InvalidConfigurationExitCode;
        }

        ConnectionMultiplexer connection;
        try
        {
            connection = RedisConnectionFactory.Connect(options);
        }
        catch (RedisAuthenticationException ex)
        {
            await Console.Error.WriteLineAsync("feedharvester tail: " + ex.Message).ConfigureAwait(false);
            return RunCommand.InvalidConfigurationExitCode;
        }

        try
        {
            RedisConnectionFactory.EnsureConnected(connection, options);
        }
        catch (RedisUnreachableException ex)
        {
            connection.Dispose();
            await Console.Error.WriteLineAsync("feedharvester tail: " + ex.Message).ConfigureAwait(false);
            return RunCommand.RedisUnreachableExitCode;
        }

        using var owned = connection;

        // Records go to stdout, one a line; what happens to the connection goes to stderr.
        using var logging = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(o => o.SingleLine = true)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        var tail = new RedisArticleTail(connection, options, logging.CreateLogger<RedisArticleTail>());
        var consumer = $"{Environment.MachineName}-{Environment.ProcessId}";
        try
        {
            await foreach (var article in tail.FollowAsync(group, consumer, cancellationToken).ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync(article.Json).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: a normal way to stop watching.
        }

        return 0;
    }
}
