using StackExchange.Redis;

namespace FeedHarvester.Redis.Tests;

/// <summary>
/// A redis-server shared by the tests of one class, plus one connection to it. Tests keep apart by giving every test its own
/// key prefix and stream key (<see cref="NewOptions"/>), so nothing needs flushing between them.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;

    internal RedisServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateConfiguration(NewOptions()));
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Options for this server with keys no other test uses.</summary>
    public RedisOptions NewOptions() => TestRedis.Options(Server.Configuration);
}
