using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>Brings the database to <see cref="CurrentVersion"/>, tracked in PRAGMA user_version.</summary>
internal static class SchemaMigrator
{
    public const int CurrentVersion = 3;

    private const string ReadVersion = "PRAGMA user_version;";

    private const string Version1 = """
        CREATE TABLE feed_state (
            feed_url TEXT NOT NULL PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_outcome TEXT,
            last_message TEXT,
            last_polled_at TEXT,
            last_success_at TEXT,
            next_poll_at TEXT,
            consecutive_errors INTEGER NOT NULL DEFAULT 0,
            articles_emitted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE TABLE seen_keys (
            key TEXT NOT NULL PRIMARY KEY,
            article_id TEXT NOT NULL,
            seen_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_seen_keys_seen_at ON seen_keys (seen_at);
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL,
            record TEXT NOT NULL
        );
        CREATE INDEX ix_outbox_article_id ON outbox (article_id);
        CREATE TABLE sink_state (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            committed_length INTEGER NOT NULL
        );
        """;

    // Feed status (broken, gone), the URL a permanently moved feed is fetched from, and the chosen poll interval.
    private const string Version2 = """
        ALTER TABLE feed_state ADD COLUMN status TEXT NOT NULL DEFAULT 'Active';
        ALTER TABLE feed_state ADD COLUMN current_url TEXT;
        ALTER TABLE feed_state ADD COLUMN redirect_candidate TEXT;
        ALTER TABLE feed_state ADD COLUMN redirect_seen_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE feed_state ADD COLUMN poll_interval_ms INTEGER;
        """;

    // The near-duplicate index: each indexed article's signature and story, and its band keys. A bucket is read newest
    // first and only MaxArticlesPerBucket deep; keying bands by (band_key, indexed_at) makes that read one backward range
    // scan however many articles a popular bucket has collected. indexed_at is the claim time, purged with the seen keys.
    // The near-copy index. story_band has no index on indexed_at: it would hold a second copy of every band row (about half
    // the index's size) only to speed up the rare purge, which scans instead.
    private const string Version3 = """
        CREATE TABLE story_signature (
            article_id TEXT NOT NULL PRIMARY KEY,
            story_id TEXT NOT NULL,
            signature BLOB NOT NULL,
            indexed_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_story_signature_indexed_at ON story_signature (indexed_at);
        CREATE TABLE story_band (
            band_key TEXT NOT NULL,
            indexed_at INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (band_key, indexed_at, article_id)
        ) WITHOUT ROWID;
        """;

    // Index i takes the schema from version i to i + 1; append, never edit, once released.
    private static readonly string[] Steps = [Version1, Version2, Version3];

    /// <summary>Applies the missing steps in one transaction; returns the resulting version.</summary>
    public static int Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = ReadUserVersion(connection, transaction);
        if (version > CurrentVersion)
        {
            throw new LocalStoreException(
                LocalStoreFault.DatabaseTooNew,
                $"Database \"{path}\" has schema version {version}, newer than the {CurrentVersion} this FeedHarvester supports. " +
                "It was written by a newer release: upgrade FeedHarvester, or point DataDirectory at another directory.");
        }

        for (var step = version; step < CurrentVersion; step++)
        {
            HarvestDatabase.Execute(connection, Steps[step], transaction);
        }

        // user_version lives in the file header and takes part in the transaction, so a crash leaves either version.
        HarvestDatabase.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {CurrentVersion};"), transaction);
        transaction.Commit();
        return CurrentVersion;
    }

    private static int ReadUserVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ReadVersion;
        command.Transaction = transaction;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
