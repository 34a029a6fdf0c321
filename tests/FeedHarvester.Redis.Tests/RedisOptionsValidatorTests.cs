namespace FeedHarvester.Redis.Tests;

public sealed class RedisOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsWithoutConfiguration_HasNoErrors()
    {
        Assert.Empty(Errors(new RedisOptions()));
    }

    [Fact]
    public void Validate_DefaultsWithConfiguration_HasNoErrors()
    {
        Assert.Empty(Errors(new RedisOptions { Configuration = "127.0.0.1:6379" }));
    }

    [Fact]
    public void Validate_InvalidOptions_ReportsEveryErrorAtOnce()
    {
        var options = new RedisOptions
        {
            Configuration = " ",
            KeyPrefix = "",
            StreamKey = "",
            SeenKeyRetention = TimeSpan.Zero,
            StreamRetention = TimeSpan.FromDays(-1),
            PollLeaseDuration = TimeSpan.FromDays(2),
            ConnectTimeout = TimeSpan.Zero,
            OperationTimeout = TimeSpan.FromHours(1),
        };

        var errors = Errors(options);

        Assert.Equal(8, errors.Count);
        Assert.Contains(errors, e => e.Contains("RedisOptions.Configuration: must name a Redis server", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RedisOptions.KeyPrefix: must be set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RedisOptions.StreamKey: must be set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("RedisOptions.SeenKeyRetention: must be from 1s to 3650d", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RedisOptions.StreamRetention: must be from 1s to 3650d with MinId trimming", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RedisOptions.PollLeaseDuration: must be from 1s to 1d", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RedisOptions.ConnectTimeout: must be from 100ms to 2m", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RedisOptions.OperationTimeout: must be from 100ms to 2m", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeenKeysExpireBeforeStreamEntries_NamesBothValues()
    {
        var options = new RedisOptions
        {
            Configuration = "localhost",
            SeenKeyRetention = TimeSpan.FromDays(3),
            StreamRetention = TimeSpan.FromDays(7),
        };

        var error = Assert.Single(Errors(options));

        Assert.Contains("(3d)", error, StringComparison.Ordinal);
        Assert.Contains("(7d)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxLenTrimming_IgnoresStreamRetentionAndChecksMaxLength()
    {
        var options = new RedisOptions
        {
            Configuration = "localhost",
            StreamTrimming = StreamTrimming.MaxLen,
            StreamRetention = TimeSpan.Zero,
            StreamMaxLength = 0,
        };

        var error = Assert.Single(Errors(options));

        Assert.EndsWith("RedisOptions.StreamMaxLength: must be at least 1 with MaxLen trimming, got 0", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feedharvester:seen:articles")]
    [InlineData("feedharvester:feeds")]
    [InlineData("feedharvester:lease:x")]
    [InlineData("feedharvester:nd1:articles")]
    public void Validate_StreamKeyInsideTheStoresOwnKeys_IsRejected(string streamKey)
    {
        var options = new RedisOptions { Configuration = "localhost", StreamKey = streamKey };

        Assert.Contains("collides", Assert.Single(Errors(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnparsableConfiguration_IsRejected()
    {
        var options = new RedisOptions { Configuration = "127.0.0.1:6379,connectTimeout=soon" };

        Assert.Contains("not a valid StackExchange.Redis configuration string", Assert.Single(Errors(options)), StringComparison.Ordinal);
    }

    private static List<string> Errors(RedisOptions options) =>
        new RedisOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}
