namespace FeedHarvester.Worker.Clustering;

/// <summary>The defaults of <see cref="ClusterOptions"/> and the names every worker of a cluster must agree on.</summary>
internal static class ClusterDefaults
{
    /// <summary>The Quartz scheduler name: every worker uses the same one, which is what makes them one cluster in the database.</summary>
    public const string SchedulerName = "FeedHarvester";

    /// <summary>The Quartz group of every feed's job and trigger; each is named by the feed's URL.</summary>
    public const string JobGroup = "feeds";

    /// <summary>Quartz's table prefix, as in its own schema script.</summary>
    public const string TablePrefix = "qrtz_";

    // A dead worker's polls move on after interval + threshold, 30 seconds: well inside any feed's interval (the floor is
    // minutes in production), while two missed check-ins in a row are needed before a live worker is written off.
    public static readonly TimeSpan CheckInInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan CheckInMisfireThreshold = TimeSpan.FromSeconds(20);

    // A poll a minute late is still on time for a feed polled every few minutes or hours; later than that it runs at once.
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);
}
