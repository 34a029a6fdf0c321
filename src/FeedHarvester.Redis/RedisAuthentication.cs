using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Tells a Redis that refuses the configured credentials (wrong or missing password, unknown user) from one that cannot
/// be reached: the first needs the configuration fixed, the second only patience.
/// </summary>
public static class RedisAuthentication
{
    /// <summary>Where the credentials come from, for messages that say what to fix.</summary>
    public const string OptionHint = "the password (or user) in FeedHarvester:Redis:Configuration (--redis)";

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, is the client's report of a refused authentication.</summary>
    public static bool IsRefusal(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a multiplexer that is not connected failed because Redis refused its credentials. The client records the
    /// refusal on its connection, not in an event, so a command is tried (it fails at once while disconnected) and its
    /// error read.
    /// </summary>
    public static bool WasRefused(IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.IsConnected)
        {
            return false;
        }

        try
        {
            _ = connection.GetDatabase().Ping();
            return false;
        }
        catch (RedisConnectionException ex)
        {
            return IsRefusal(ex);
        }
    }

    /// <summary>
    /// Opens a short-lived connection with <paramref name="configuration"/> and reports whether Redis answers but refuses
    /// its credentials. A running multiplexer does not surface a refusal when it reconnects (it only stays disconnected),
    /// so the monitor asks this way while Redis looks unreachable.
    /// </summary>
    public static async Task<bool> ProbeRefusedAsync(ConfigurationOptions configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var probe = configuration.Clone();
        probe.AbortOnConnectFail = false;
        probe.ConnectRetry = 1;
        probe.ClientName = (configuration.ClientName ?? "feedharvester") + "-probe";
        await using var connection = await ConnectionMultiplexer.ConnectAsync(probe).ConfigureAwait(false);
        return WasRefused(connection);
    }
}
