using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// Copies the write-ahead log back into the database file from a connection of its own, so the single writer does not
/// stop to do it: a checkpoint of a busy log writes and syncs thousands of pages (a claim with the near-copy index
/// dirties about forty), and every claim queued behind the writer would wait for it.
/// </summary>
/// <remarks>
/// PASSIVE: it never waits for the writer or for readers; what it cannot copy yet it copies on a later round. The
/// writer keeps a high automatic checkpoint of its own (<see cref="WriterBackstopPages"/>) for the case where this
/// falls behind, so the log stays bounded either way.
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>How often the log is copied back while it grows fast (a bulk harvest: ~40 pages per claim).</summary>
    public static readonly TimeSpan BusyInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How often otherwise: each checkpoint costs two fsyncs however little it copies. Idle rounds cost nothing.</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(1);

    /// <summary>A log this many pages long at a checkpoint means writes are arriving fast (SQLite's own checkpoint size).</summary>
    public const int BusyLogPages = 1_000;

    /// <summary>Log size, in pages, at which the writer checkpoints by itself (about 40 MB with 4 KiB pages).</summary>
    public const int WriterBackstopPages = 10_000;

    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _written;
    private bool _failing;

    private WalCheckpointer(SqliteConnection connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public static WalCheckpointer Start(string path, ILogger logger)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return new WalCheckpointer(connection, logger);
    }

    /// <summary>Called after each commit: the next round has something to copy.</summary>
    public void NoteCommit() => Volatile.Write(ref _written, 1);

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(QuietInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                if (Interlocked.Exchange(ref _written, 0) == 1)
                {
                    timer.Period = Checkpoint() >= BusyLogPages ? BusyInterval : QuietInterval;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the writer's own close checkpoints what is left.
        }
    }

    // Returns the length of the log, in pages, when the checkpoint ran (0 when it failed).
    private long Checkpoint()
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var reader = command.ExecuteReader();
            var logPages = reader.Read() ? reader.GetInt64(1) : 0;
            if (_failing)
            {
                _failing = false;
                Log.CheckpointRecovered(_logger, _connection.DataSource);
            }

            return logPages;
        }
        catch (SqliteException ex)
        {
            // The writer's backstop checkpoint still bounds the log; one line per failing spell, not per round.
            if (!_failing)
            {
                _failing = true;
                Log.CheckpointFailed(_logger, _connection.DataSource, ex.Message);
            }

            return 0;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        _connection.Dispose();
        _stop.Dispose();
    }
}
