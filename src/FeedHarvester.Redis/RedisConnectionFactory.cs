using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>Opens the one <see cref="ConnectionMultiplexer"/> of a worker, set up to survive Redis being down.</summary>
public static class RedisConnectionFactory
{
    /// <summary>Reconnect attempts back off from half a second to ten: quick after a restart, quiet during a long outage.</summary>
    private const int ReconnectBaseDelayMs = 500;
    private const int ReconnectMaxDelayMs = 10_000;

    /// <summary>The client configuration: the options' configuration string with FeedHarvester's fault handling applied.</summary>
    public static ConfigurationOptions CreateConfiguration(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RedisOptionsValidator.ThrowIfInvalid(options);

        var configuration = ConfigurationOptions.Parse(options.Configuration!);

        // Start and keep running while Redis is down; the first command then fails instead of the start-up.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = ToMilliseconds(options.ConnectTimeout);
        configuration.SyncTimeout = ToMilliseconds(options.OperationTimeout);
        configuration.AsyncTimeout = ToMilliseconds(options.OperationTimeout);

        // Fail at once while disconnected rather than queueing: a failed claim fails its poll, which is retried with
        // back-off, whereas a queue of claims waiting for Redis would hold every poll for the full timeout.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(ReconnectBaseDelayMs, ReconnectMaxDelayMs);
        configuration.ClientName ??= "feedharvester";
        return configuration;
    }

    /// <summary>Connects, or returns at once with a multiplexer that keeps trying when Redis is unreachable.</summary>
    /// <exception cref="RedisAuthenticationException">Redis answered but refused the credentials: retrying cannot help.</exception>
    public static ConnectionMultiplexer Connect(RedisOptions options, TextWriter? log = null)
    {
        var connection = ConnectionMultiplexer.Connect(CreateConfiguration(options), log);
        if (RedisAuthentication.WasRefused(connection, options.ConnectTimeout))
        {
            var endpoints = string.Join(", ", connection.GetEndPoints().Select(endpoint => endpoint.ToString()));
            connection.Dispose();
            throw new RedisAuthenticationException(endpoints);
        }

        return connection;
    }

    private static int ToMilliseconds(TimeSpan value) => (int)Math.Ceiling(value.TotalMilliseconds);
}
