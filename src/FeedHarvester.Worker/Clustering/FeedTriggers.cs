using FeedHarvester.Feeds;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Each feed's job and its one trigger, both keyed by the feed's URL. The trigger repeats at the feed's interval, so a feed
/// whose poll could not move it (the database down at that moment) is still polled; each poll moves it to the time the
/// poller chose (adaptive interval, Retry-After, back-off), which makes the trigger the one place "when next" is kept.
/// </summary>
internal static class FeedTriggers
{
    public static JobKey JobKeyOf(string feedUrl) => new(feedUrl, ClusterDefaults.JobGroup);

    public static TriggerKey TriggerKeyOf(string feedUrl) => new(feedUrl, ClusterDefaults.JobGroup);

    /// <summary>
    /// Durable, so the job outlives a trigger that recovery removes; recovering, so a poll cut off by a dead worker runs again
    /// elsewhere; never two polls of one feed at once anywhere in the cluster.
    /// </summary>
    public static IJobDetail Job(FeedDefinition feed) =>
        JobBuilder.Create<ClusterPollJob>()
            .WithIdentity(JobKeyOf(feed.Url.AbsoluteUri))
            .UsingJobData(FeedJobData.ToMap(feed))
            .WithDescription(FeedJobData.Summary(feed))
            .StoreDurably()
            .RequestRecovery()
            .DisallowConcurrentExecution()
            .Build();

    /// <summary>First firing at <paramref name="at"/>, then every <paramref name="interval"/> until a poll moves it; a missed firing runs at once.</summary>
    public static ITrigger Trigger(string feedUrl, DateTimeOffset at, TimeSpan interval) =>
        TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(feedUrl))
            .ForJob(JobKeyOf(feedUrl))
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
}
