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

    /// <summary>Returns when <paramref name="connection"/> is connected; otherwise says where Redis was looked for and what happened.</summary>
    /// <exception cref="RedisUnreachableException">Not connected after the connect attempt.</exception>
    public static void EnsureConnected(IConnectionMultiplexer connection, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        if (connection.IsConnected)
        {
            return;
        }

        var endpoints = string.Join(", ", connection.GetEndPoints().Select(endpoint => endpoint.ToString()));
        throw new RedisUnreachableException(endpoints, $"no answer within {options.ConnectTimeout.TotalSeconds:0.#} s: {Reason(connection)}");
    }

    // The operating system's words for the failed connect ("Connection refused"), from the error a command gets meanwhile.
    private static string Reason(IConnectionMultiplexer connection)
    {
        try
        {
            _ = connection.GetDatabase().Ping();
            return "it answered only now";
        }
        catch (RedisException ex)
        {
            var innermost = (Exception)ex;
            while (innermost.InnerException is not null)
            {
                innermost = innermost.InnerException;
            }

            return innermost is System.Net.Sockets.SocketException socket ? socket.Message : "nothing accepted the connection";
        }
    }

    private static int ToMilliseconds(TimeSpan value) => (int)Math.Ceiling(value.TotalMilliseconds);
}
