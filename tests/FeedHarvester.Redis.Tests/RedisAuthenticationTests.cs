using System.Diagnostics;
using FeedHarvester.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Redis.Tests;

/// <summary>A Redis that refuses the credentials is told apart from one that cannot be reached.</summary>
public sealed class RedisAuthenticationTests
{
    private const int UnreachableEvent = 310;
    private const int ReachableAgainEvent = 311;
    private const int RefusedEvent = 312;

    [Theory]
    [InlineData(",password=wrong")]
    [InlineData("")]
    [InlineData(",user=nobody,password=secret")]
    public async Task Connect_CredentialsRefused_ThrowsAnAuthenticationErrorNamingTheOptionNotThePassword(string credentials)
    {
        await using var server = await RedisServer.StartAsync("--requirepass", "secret");

        var error = Assert.Throws<RedisAuthenticationException>(() => RedisConnectionFactory.Connect(TestRedis.Options(server.Configuration + credentials)));

        Assert.Contains($"127.0.0.1:{server.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_RightPassword_Connects()
    {
        await using var server = await RedisServer.StartAsync("--requirepass", "secret");

        await using var connection = RedisConnectionFactory.Connect(TestRedis.Options(server.Configuration + ",password=secret"));

        Assert.True(connection.IsConnected);
    }

    [Fact]
    public async Task Connect_NothingListening_ReturnsAndKeepsTrying()
    {
        await using var connection = RedisConnectionFactory.Connect(TestRedis.Options($"127.0.0.1:{RedisServer.FreePort()}"));

        Assert.False(connection.IsConnected);
        Assert.False(RedisAuthentication.WasRefused(connection, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Monitor_RedisRestartedWithAnotherPassword_RefusalLoggedOnceThenReachableAgainOnce()
    {
        await using var server = await RedisServer.StartAsync("--requirepass", "first");
        var options = TestRedis.Options(server.Configuration + ",password=first");
        await using var connection = RedisConnectionFactory.Connect(options);
        var logs = new CapturingLoggerFactory();
        var configuration = RedisConnectionFactory.CreateConfiguration(options);
        using var monitor = new RedisConnectionMonitor(connection, logs.CreateLogger<RedisConnectionMonitor>(), () => RedisAuthentication.ProbeRefusedAsync(configuration));

        await server.KillAsync();
        await using var changed = await RedisServer.StartOnPortAsync(server.Port, "--requirepass", "second");
        await UntilAsync(() => logs.Count(RefusedEvent) > 0, TimeSpan.FromSeconds(30));

        Assert.True(monitor.AuthenticationRefused);
        Assert.False(monitor.IsConnected);
        var refused = Assert.Single(logs.Entries, entry => entry.EventId.Id == RefusedEvent);
        Assert.Equal(LogLevel.Error, refused.Level);
        Assert.Contains("refuses authentication", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("first", refused.Message, StringComparison.Ordinal);

        // Two more probes' worth: still one line.
        await Task.Delay(RedisConnectionMonitor.RefusalProbeInterval * 2);
        Assert.Equal(1, logs.Count(RefusedEvent));

        await changed.KillAsync();
        await using var restored = await RedisServer.StartOnPortAsync(server.Port, "--requirepass", "first");
        await UntilAsync(() => monitor.IsConnected && logs.Count(ReachableAgainEvent) > 0, TimeSpan.FromSeconds(30));
        Assert.Equal(1, logs.Count(ReachableAgainEvent));
        Assert.Equal(1, logs.Count(UnreachableEvent));
        Assert.False(monitor.AuthenticationRefused);
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < deadline, "condition not reached in time");
            await Task.Delay(50);
        }
    }
}
