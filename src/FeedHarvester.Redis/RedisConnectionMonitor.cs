using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Says once per change of state that Redis became unreachable or reachable again (the multiplexer raises an event per
/// failed reconnect attempt, which would flood the log during an outage), and answers <see cref="IsConnected"/> for health.
/// </summary>
public sealed class RedisConnectionMonitor : IDisposable
{
    private const int Reachable = 0;
    private const int Unreachable = 1;

    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger _logger;
    private int _state;

    public RedisConnectionMonitor(IConnectionMultiplexer connection, ILogger<RedisConnectionMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _logger = logger;
        _connection.ConnectionFailed += OnConnectionFailed;
        _connection.ConnectionRestored += OnConnectionRestored;

        // Redis already down at start-up: the failure events may have fired before this subscribed.
        if (!connection.IsConnected)
        {
            MarkUnreachable(Endpoints(), "not reachable at start-up");
        }
    }

    /// <summary>Whether commands can reach Redis now; false while it is down or restarting.</summary>
    public bool IsConnected => _connection.IsConnected;

    public void Dispose()
    {
        _connection.ConnectionFailed -= OnConnectionFailed;
        _connection.ConnectionRestored -= OnConnectionRestored;
    }

    // Only the interactive connection carries FeedHarvester's commands; the subscription connection would double every event.
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            MarkUnreachable(e.EndPoint?.ToString() ?? Endpoints(), e.Exception?.Message ?? e.FailureType.ToString());
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive && Interlocked.Exchange(ref _state, Reachable) == Unreachable)
        {
            Log.RedisReachableAgain(_logger, e.EndPoint?.ToString() ?? Endpoints());
        }
    }

    // Endpoints only: the configuration string may carry a password, which has no place in a log.
    private string Endpoints() => string.Join(", ", _connection.GetEndPoints().Select(endpoint => endpoint.ToString()));

    private void MarkUnreachable(string endpoint, string reason)
    {
        if (Interlocked.Exchange(ref _state, Unreachable) == Reachable)
        {
            Log.RedisUnreachable(_logger, endpoint, reason);
        }
    }
}
