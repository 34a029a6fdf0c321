using System.Security.Cryptography;
using FeedHarvester.Diagnostics;
using FeedHarvester.Feeds;
using FeedHarvester.Settings;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Health;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Composition;

/// <summary>
/// Picks up edits while the service runs: the feeds file (checked every few seconds, which also catches editors that
/// save by renaming) and the configuration files, read by the same <see cref="SettingsLoader"/> as a start, so the
/// running service and its next start agree. The new list goes to the <see cref="IFeedListApplier"/> of the mode (a new
/// feed is scheduled within seconds, a removed or disabled one unscheduled, a changed interval applied); a bad entry is logged with its file and line (or key and URL) and skipped.
/// A configuration the next start would refuse is logged as one error and leaves everything running as it is, with
/// readiness saying so; a changed option other than the feed list is logged as applying at the next start.
/// </summary>
internal sealed partial class FeedListWatcher(
    IConfigurationRoot configuration,
    HarvesterSettings running,
    HealthState health,
    FeedCatalog catalog,
    IFeedListApplier applier,
    TimeProvider timeProvider,
    ILogger<FeedListWatcher> logger,
    HarvestMetrics? metrics = null) : BackgroundService
{
    /// <summary>How often the feeds file is looked at.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private int _configurationChanged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = Microsoft.Extensions.Primitives.ChangeToken.OnChange(
            configuration.GetReloadToken, () => Interlocked.Exchange(ref _configurationChanged, 1));
        var fingerprint = FeedsFileFingerprint();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var current = FeedsFileFingerprint();
            var fileChanged = !string.Equals(current, fingerprint, StringComparison.Ordinal);
            fingerprint = current;
            if (fileChanged | Interlocked.Exchange(ref _configurationChanged, 0) == 1)
            {
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Re-reads the configuration and the feed list and brings the schedule in line with them.</summary>
    internal async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var result = SettingsLoader.Load(configuration);
        if (result.Settings is not { } next)
        {
            var problem = $"{result.Errors.Count} errors: {string.Join("; ", result.Errors)}";
            if (!string.Equals(health.ConfigurationProblem, problem, StringComparison.Ordinal))
            {
                LogConfigurationInvalid(logger, problem);
            }

            health.ConfigurationProblem = problem;
            return;
        }

        if (health.ConfigurationProblem is not null)
        {
            health.ConfigurationProblem = null;
            LogConfigurationValidAgain(logger);
        }

        foreach (var skipped in next.SkippedFeeds)
        {
            LogBadEntry(logger, skipped);
        }

        LogOptionsNeedingRestart(next.Options);
        var feeds = next.Feeds;
        var change = catalog.Replace(feeds);
        if (change.IsEmpty)
        {
            return;
        }

        await applier.ApplyAsync(change, catalog.Feeds, cancellationToken).ConfigureAwait(false);
        foreach (var feed in change.Removed.Concat(change.Changed.Where(f => !f.Enabled)))
        {
            // A feed no longer polled leaves the gauges; its history stays in the store.
            metrics?.ForgetFeed(feed.Url.AbsoluteUri);
        }

        LogReloaded(logger, Describe(change.Added), Describe(change.Removed), Describe(change.Changed), catalog.Feeds.Count);
    }

    /// <summary>"none", or the count and the URLs (the first few, when many changed at once).</summary>
    private static string Describe(IReadOnlyList<FeedDefinition> feeds)
    {
        const int Named = 5;
        if (feeds.Count == 0)
        {
            return "0";
        }

        var urls = string.Join(", ", feeds.Take(Named).Select(f => f.Url.AbsoluteUri));
        return feeds.Count > Named ? $"{feeds.Count} ({urls}, …)" : $"{feeds.Count} ({urls})";
    }

    private string? FeedsFileFingerprint()
    {
        var path = configuration[$"{HarvesterOptions.SectionName}:FeedsFile"];
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (IOException)
        {
            // Caught mid-save: the next check sees the finished file.
            return null;
        }
    }

    // Only the feed list is applied while running; any other option takes effect when the service starts again.
    private void LogOptionsNeedingRestart(HarvesterOptions next)
    {
        var before = SettingsLoader.Snapshot(running.Options);
        foreach (var (key, value) in SettingsLoader.Snapshot(next))
        {
            if (before.TryGetValue(key, out var old) && !string.Equals(old, value, StringComparison.Ordinal))
            {
                LogNeedsRestart(logger, key, UrlCredentials.Redact(old), UrlCredentials.Redact(value));
            }
        }
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Feed list entry skipped: {Reason}")]
    private static partial void LogBadEntry(ILogger logger, string reason);

    [LoggerMessage(EventId = 211, Level = LogLevel.Error,
        Message = "The configuration on disk is invalid and was not applied; the worker runs on with the configuration it has, and a restart would refuse to start: {Problem}")]
    private static partial void LogConfigurationInvalid(ILogger logger, string problem);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "The configuration on disk is valid again")]
    private static partial void LogConfigurationValidAgain(ILogger logger);

    [LoggerMessage(EventId = 214, Level = LogLevel.Warning, Message = "{Key} changed on disk from {Before} to {After}; it applies when the service is restarted")]
    private static partial void LogNeedsRestart(ILogger logger, string key, string before, string after);

    [LoggerMessage(EventId = 212, Level = LogLevel.Information, Message = "Feed list reloaded: {Added} added, {Removed} removed, {Changed} changed; {FeedCount} feeds")]
    private static partial void LogReloaded(ILogger logger, string added, string removed, string changed, int feedCount);
}
