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
    /// <summary>How often the log is copied back while writes keep arriving; idle rounds cost nothing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

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
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                if (Interlocked.Exchange(ref _written, 0) == 1)
                {
                    Checkpoint();
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the writer's own close checkpoints what is left.
        }
    }

    private void Checkpoint()
    {
        try
        {
            HarvestDatabase.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
            if (_failing)
            {
                _failing = false;
                Log.CheckpointRecovered(_logger, _connection.DataSource);
            }
        }
        catch (SqliteException ex)
        {
            // The writer's backstop checkpoint still bounds the log; one line per failing spell, not per round.
            if (!_failing)
            {
                _failing = true;
                Log.CheckpointFailed(_logger, _connection.DataSource, ex.Message);
            }
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
