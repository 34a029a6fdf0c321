using FeedHarvester.Redis.Tests;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Cli;

/// <summary>Credentials Redis refuses end start-up as a configuration error, not an endless wait for an "unreachable" Redis.</summary>
public sealed class RedisCredentialsTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("run", "--once")]
    [InlineData("tail", "--group", "operators")]
    public async Task Command_WrongRedisPassword_ExitsWithTheConfigurationCodeNamingTheOption(params string[] command)
    {
        await using var redis = await RedisServer.StartAsync("--requirepass", "secret");
        using var runner = new HarvestRunner();
        string[] arguments = [.. command, "--redis", redis.Configuration + ",password=wrong", .. command[0] == "run" ? new[] { "--data-dir", runner.DataDirectory } : []];

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(runner.Environment, arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains("refused authentication", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Redis:Configuration", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unreachable", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("password=wrong", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
