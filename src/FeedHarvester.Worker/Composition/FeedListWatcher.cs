using System.Security.Cryptography;
using FeedHarvester.Feeds;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHarvester.Worker.Composition;

/// <summary>
/// Picks up edits to the feed list while the service runs: the feeds file (checked every few seconds, which also
/// catches editors that save by renaming) and the configuration files. A new feed is scheduled within seconds, a
/// removed or disabled one unscheduled, a changed interval applied. A bad entry is logged with its file and line
/// and skipped; the rest keep running, and a list that yields no feed at all leaves the running list alone.
/// </summary>
public sealed partial class FeedListWatcher(
    IConfigurationRoot configuration,
    FeedCatalog catalog,
    ISchedulerFactory schedulerFactory,
    PollSchedule schedule,
    TimeProvider timeProvider,
    ILogger<FeedListWatcher> logger) : BackgroundService
{
    /// <summary>How often the feeds file is looked at.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>A new feed's first poll lands within this long.</summary>
    private static readonly TimeSpan NewFeedSpread = TimeSpan.FromSeconds(5);

    private int configurationChanged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = Microsoft.Extensions.Primitives.ChangeToken.OnChange(
            configuration.GetReloadToken, () => Interlocked.Exchange(ref configurationChanged, 1));
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
            if (fileChanged | Interlocked.Exchange(ref configurationChanged, 0) == 1)
            {
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Re-reads the feed list and brings the schedule in line with it.</summary>
    internal async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var (feeds, errors) = SettingsValidator.ReadFeeds(configuration);
        foreach (var error in errors)
        {
            LogBadEntry(logger, error);
        }

        if (feeds.Count == 0)
        {
            LogEmptyListIgnored(logger, errors.Count);
            return;
        }

        var change = catalog.Replace(feeds);
        if (change.IsEmpty)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        foreach (var feed in change.Added.Where(f => f.Enabled))
        {
            await FeedScheduler.ScheduleAsync(scheduler, feed, schedule.FirstPoll(feed, now, NewFeedSpread), cancellationToken).ConfigureAwait(false);
        }

        foreach (var feed in change.Removed.Concat(change.Changed.Where(f => !f.Enabled)))
        {
            _ = await FeedScheduler.UnscheduleAsync(scheduler, feed, cancellationToken).ConfigureAwait(false);
        }

        foreach (var feed in change.Changed.Where(f => f.Enabled))
        {
            await ApplyChangeAsync(scheduler, feed, now, cancellationToken).ConfigureAwait(false);
        }

        LogReloaded(logger, change.Added.Count, change.Removed.Count, change.Changed.Count, catalog.Feeds.Count);
    }

    // A feed that was disabled gets a job again; a shorter interval brings its next poll forward.
    private async Task ApplyChangeAsync(IScheduler scheduler, FeedDefinition feed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = await FeedScheduler.NextFireAsync(scheduler, feed, cancellationToken).ConfigureAwait(false);
        var due = now + schedule.IntervalOf(feed);
        if (next is null || next > due)
        {
            await FeedScheduler.ScheduleAsync(scheduler, feed, next is null ? schedule.FirstPoll(feed, now, NewFeedSpread) : due, cancellationToken).ConfigureAwait(false);
        }
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

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Feed list entry skipped: {Reason}")]
    private static partial void LogBadEntry(ILogger logger, string reason);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Edited feed list yields no feed ({ErrorCount} errors); the running list is kept")]
    private static partial void LogEmptyListIgnored(ILogger logger, int errorCount);

    [LoggerMessage(EventId = 212, Level = LogLevel.Information, Message = "Feed list reloaded: {Added} added, {Removed} removed, {Changed} changed; {FeedCount} feeds")]
    private static partial void LogReloaded(ILogger logger, int added, int removed, int changed, int feedCount);
}
