using FeedHarvester.Feeds;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>
/// Feed states read straight from a data directory's database, read-only and without the directory lock, so an
/// operator's <c>status</c> works while a worker holds it (WAL lets a reader run beside the writer).
/// </summary>
public static class ReadOnlyFeedStates
{
    public static async Task<IReadOnlyList<FeedState>> ReadAsync(string databasePath, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,

            // Not pooled: the file is released as soon as the reading is done.
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FeedStateTable.ListAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
