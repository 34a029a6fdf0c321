namespace FeedHarvester.Redis.Tests;

/// <summary>Options helpers shared by the Redis tests.</summary>
internal static class TestRedis
{
    /// <summary>Options for <paramref name="configuration"/> with a key prefix and stream key unique to the caller.</summary>
    public static RedisOptions Options(string configuration)
    {
        var scope = "t" + Guid.NewGuid().ToString("N")[..12];
        return new RedisOptions
        {
            Configuration = configuration,
            KeyPrefix = scope + ":",
            StreamKey = scope + ":articles",
            ConnectTimeout = TimeSpan.FromSeconds(2),
            OperationTimeout = TimeSpan.FromSeconds(2),
        };
    }
}
