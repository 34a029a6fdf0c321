using System.Diagnostics;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Tells a Redis that refuses the configured credentials (wrong or missing password, unknown user) from one that cannot
/// be reached: the first needs the configuration fixed, the second only patience.
/// </summary>
internal static class RedisAuthentication
{
    /// <summary>Where the credentials come from, for messages that say what to fix.</summary>
    public const string OptionHint = "the password (or user) in FeedHarvester:Redis:Configuration (--redis)";

    /// <summary>How soon a connection whose handshake has not finished is looked at again.</summary>
    private static readonly TimeSpan RecheckDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, is the client's report of a refused authentication.</summary>
    public static bool IsRefusal(Exception? exception) => Has(exception, ConnectionFailureType.AuthenticationFailure);

    private static bool Has(Exception? exception, ConnectionFailureType type)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RedisConnectionException connectionFailure && connectionFailure.FailureType == type)
            {
                return true;
            }
        }

        return false;
    }

    private static RedisException? PingFailure(IConnectionMultiplexer connection)
    {
        try
        {
            _ = connection.GetDatabase().Ping();
            return null;
        }
        catch (RedisException ex)
        {
            return ex;
        }
    }

    /// <summary>
    /// Whether a multiplexer that is not connected failed because Redis refused its credentials. The client records the
    /// refusal on its connection, not in an event, so a command is tried (it fails at once while disconnected) and its
    /// error read; while the handshake may still be under way (a busy machine) it looks again, for up to
    /// <paramref name="wait"/>. Nothing listening, or still no answer by then, is an outage, not a refusal.
    /// </summary>
    public static bool WasRefused(IConnectionMultiplexer connection, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var started = Stopwatch.GetTimestamp();
        while (!connection.IsConnected && PingFailure(connection) is { } failure)
        {
            if (IsRefusal(failure))
            {
                return true;
            }

            if (Has(failure, ConnectionFailureType.UnableToConnect) || Stopwatch.GetElapsedTime(started) >= wait)
            {
                return false;
            }

            Thread.Sleep(RecheckDelay);
        }

        return false;
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
        return WasRefused(connection, TimeSpan.FromMilliseconds(probe.ConnectTimeout));
    }
}
