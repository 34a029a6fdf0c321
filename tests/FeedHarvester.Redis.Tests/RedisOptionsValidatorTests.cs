namespace FeedHarvester.Redis.Tests;

public sealed class RedisOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsWithConfiguration_HasNoErrors()
    {
        Assert.Empty(RedisOptionsValidator.Collect(new RedisOptions { Configuration = "127.0.0.1:6379" }));
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

        var errors = RedisOptionsValidator.Collect(options);

        Assert.Equal(8, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("RedisOptions.Configuration is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RedisOptions.KeyPrefix is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RedisOptions.StreamKey is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "RedisOptions.SeenKeyRetention must be between 00:00:01 and 3650.00:00:00, got 00:00:00.");
        Assert.Contains(errors, e => e.StartsWith("RedisOptions.StreamRetention must be between", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RedisOptions.PollLeaseDuration must be between", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RedisOptions.ConnectTimeout must be between", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RedisOptions.OperationTimeout must be between", StringComparison.Ordinal));
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

        var error = Assert.Single(RedisOptionsValidator.Collect(options));

        Assert.Contains("(3.00:00:00)", error, StringComparison.Ordinal);
        Assert.Contains("(7.00:00:00)", error, StringComparison.Ordinal);
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

        var error = Assert.Single(RedisOptionsValidator.Collect(options));

        Assert.Equal("RedisOptions.StreamMaxLength must be at least 1 with MaxLen trimming, got 0.", error);
    }

    [Theory]
    [InlineData("feedharvester:seen:articles")]
    [InlineData("feedharvester:feeds")]
    [InlineData("feedharvester:lease:x")]
    [InlineData("feedharvester:nd1:articles")]
    public void Validate_StreamKeyInsideTheStoresOwnKeys_IsRejected(string streamKey)
    {
        var options = new RedisOptions { Configuration = "localhost", StreamKey = streamKey };

        Assert.Contains("collides", Assert.Single(RedisOptionsValidator.Collect(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnparsableConfiguration_IsRejected()
    {
        var options = new RedisOptions { Configuration = "127.0.0.1:6379,connectTimeout=soon" };

        Assert.Contains("not a valid StackExchange.Redis configuration string", Assert.Single(RedisOptionsValidator.Collect(options)), StringComparison.Ordinal);
    }
}
