using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Says once per change of state that Redis became unreachable, refuses the configured credentials, or is reachable
/// again (the multiplexer raises an event per failed reconnect attempt, which would flood the log during an outage),
/// and answers <see cref="IsConnected"/> for health.
/// </summary>
/// <remarks>
/// A multiplexer that reconnects to a Redis which now refuses its password (restarted with a new <c>requirepass</c>)
/// raises no event for it and only stays disconnected. So while Redis looks unreachable a short-lived connection asks,
/// every <see cref="RefusalProbeInterval"/>, whether it answers but refuses the credentials, and that is reported as what
/// it is: a configuration to fix, not an outage to wait out.
/// </remarks>
public sealed class RedisConnectionMonitor : IDisposable
{
    /// <summary>Often enough to name a refused password within seconds of a restart, rarely enough to cost nothing during an outage.</summary>
    public static readonly TimeSpan RefusalProbeInterval = TimeSpan.FromSeconds(10);

    private const int Reachable = 0;
    private const int Unreachable = 1;
    private const int Refused = 2;

    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger _logger;
    private readonly Func<Task<bool>>? _probeRefused;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private int _state;
    private int _probing;

    /// <param name="probeRefused">Whether Redis answers but refuses the credentials (see <see cref="RedisAuthentication.ProbeRefusedAsync"/>); null to not ask.</param>
    public RedisConnectionMonitor(IConnectionMultiplexer connection, ILogger<RedisConnectionMonitor> logger, Func<Task<bool>>? probeRefused = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _logger = logger;
        _probeRefused = probeRefused;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _connection.ConnectionFailed += OnConnectionFailed;
        _connection.ConnectionRestored += OnConnectionRestored;

        // Redis already down at start-up: the failure events may have fired before this subscribed.
        if (!connection.IsConnected)
        {
            MarkUnreachable(Endpoints(), "not reachable at start-up");
        }
    }

    /// <summary>Whether commands can reach Redis now; false while it is down, restarting or refusing the credentials.</summary>
    public bool IsConnected => _connection.IsConnected;

    /// <summary>Whether Redis was last found answering but refusing the configured credentials.</summary>
    public bool AuthenticationRefused => Volatile.Read(ref _state) == Refused;

    public void Dispose()
    {
        _connection.ConnectionFailed -= OnConnectionFailed;
        _connection.ConnectionRestored -= OnConnectionRestored;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    // Only the interactive connection carries FeedHarvester's commands; the subscription connection would double every event.
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Interactive)
        {
            return;
        }

        if (e.FailureType == ConnectionFailureType.AuthenticationFailure)
        {
            MarkRefused(e.EndPoint?.ToString() ?? Endpoints());
        }
        else
        {
            MarkUnreachable(e.EndPoint?.ToString() ?? Endpoints(), e.Exception?.Message ?? e.FailureType.ToString());
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive && Interlocked.Exchange(ref _state, Reachable) != Reachable)
        {
            Log.RedisReachableAgain(_logger, e.EndPoint?.ToString() ?? Endpoints());
        }
    }

    // Endpoints only: the configuration string may carry a password, which has no place in a log.
    private string Endpoints() => string.Join(", ", _connection.GetEndPoints().Select(endpoint => endpoint.ToString()));

    private void MarkUnreachable(string endpoint, string reason)
    {
        if (Interlocked.CompareExchange(ref _state, Unreachable, Reachable) == Reachable)
        {
            Log.RedisUnreachable(_logger, endpoint, reason);
        }

        StartProbing();
    }

    private void MarkRefused(string endpoint)
    {
        if (Interlocked.Exchange(ref _state, Refused) != Refused)
        {
            Log.RedisAuthenticationRefused(_logger, endpoint, RedisAuthentication.OptionHint);
        }
    }

    private void StartProbing()
    {
        if (_probeRefused is not null && Interlocked.Exchange(ref _probing, 1) == 0)
        {
            _ = Task.Run(ProbeWhileDisconnectedAsync);
        }
    }

    private async Task ProbeWhileDisconnectedAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested && Volatile.Read(ref _state) != Reachable && !_connection.IsConnected)
            {
                if (await ProbeRefusedAsync().ConfigureAwait(false) && !_connection.IsConnected)
                {
                    MarkRefused(Endpoints());
                }

                await Task.Delay(RefusalProbeInterval, _timeProvider, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Disposed: the worker is stopping.
            return;
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }

        // Lost the connection again just as the loop ended: keep asking.
        if (Volatile.Read(ref _state) != Reachable && !_connection.IsConnected && !_stopping.IsCancellationRequested)
        {
            StartProbing();
        }
    }

    // A probe that cannot connect at all says nothing about the credentials: Redis is simply down.
    private async Task<bool> ProbeRefusedAsync()
    {
        try
        {
            return await _probeRefused!().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
