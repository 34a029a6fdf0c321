namespace FeedHarvester.Local;

/// <summary>Defaults and limits of <see cref="LocalStoreOptions"/>, and the fixed file names inside the data directory.</summary>
internal static class LocalStoreDefaults
{
    public const string DataDirectory = "./data";

    public const string OutputFileName = "articles.jsonl";

    public const string DatabaseFileName = "feedharvester.db";

    public const string LockFileName = "feedharvester.lock";

    public const int EmitBatchSize = 256;

    public const int MaxEmitBatchSize = 10_000;

    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The same as Redis mode's seen-key retention: long enough that no feed still lists an item by then.</summary>
    public static readonly TimeSpan SeenKeyRetention = TimeSpan.FromDays(90);

    /// <summary>How often the service forgets what passed the retention: each purge then removes about an hour's keys.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
}
