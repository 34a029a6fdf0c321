using Npgsql;

namespace FeedHarvester.Worker.Clustering;

/// <summary>Connections to the cluster's PostgreSQL, and how it is named in messages (never with its password).</summary>
internal static class ClusterDatabase
{
    /// <summary>A connection attempt at start-up gives up after this long: the worker then refuses to start.</summary>
    private const int ConnectTimeoutSeconds = 5;

    /// <summary>"host:port/database", for messages.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    /// <summary>An open connection, or <see cref="ClusterDatabaseException"/> (<see cref="ClusterDatabaseFault.Unreachable"/>).</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Timeout > ConnectTimeoutSeconds)
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ClusterDatabaseException(ClusterDatabaseFault.Unreachable,
                $"the cluster database {Describe(connectionString)} cannot be reached: {ex.Message}", ex);
        }
    }
}
