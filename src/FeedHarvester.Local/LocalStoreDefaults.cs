namespace FeedHarvester.Local;

/// <summary>Defaults and limits of <see cref="LocalStoreOptions"/>, and the fixed file names inside the data directory.</summary>
public static class LocalStoreDefaults
{
    public const string DataDirectory = "./data";

    public const string OutputFileName = "articles.jsonl";

    public const string DatabaseFileName = "feedharvester.db";

    public const string LockFileName = "feedharvester.lock";

    public const int EmitBatchSize = 256;

    public const int MaxEmitBatchSize = 10_000;

    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromMinutes(10);
}
