using System.Globalization;
using Npgsql;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Creates or migrates Quartz's tables at start-up, from Quartz's own PostgreSQL schema (Schema/quartz_tables_postgres.sql),
/// and records the version in feedharvester_schema: Quartz's schema records none, and without it a worker could not tell
/// tables a newer release migrated from its own. Workers starting together take turns through a transaction-scoped advisory
/// lock, so exactly one of them creates the tables and the others find them made.
/// </summary>
internal static class ClusterSchema
{
    /// <summary>The schema version this release creates and knows how to use.</summary>
    // Version 2 adds feedharvester_feed_list (AppliedFeedList): a version 1 worker would reconcile without looking at it and
    // could undo a newer edit, so the newer schema tells it to upgrade.
    public const int CurrentVersion = 2;

    private const string Component = "quartz";

    // Any constant both sides agree on: pg_advisory_xact_lock takes one bigint, and this is "FHQRTZ" read as hex digits.
    private const long MigrationLockKey = 0x46_48_51_52_54_5A;

    private const string StatementSeparator = "--;;";

    /// <summary>Brings the schema to <see cref="CurrentVersion"/>; returns the version found before (0 for none).</summary>
    /// <exception cref="ClusterDatabaseException">The database cannot be reached, or its schema is newer than this release.</exception>
    public static async Task<int> EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await ClusterDatabase.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey)).ConfigureAwait(false);
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS feedharvester_schema (component text PRIMARY KEY, version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
            var found = await VersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (found > CurrentVersion)
            {
                throw new ClusterDatabaseException(ClusterDatabaseFault.SchemaTooNew, string.Create(CultureInfo.InvariantCulture,
                    $"the cluster database {ClusterDatabase.Describe(connectionString)} has Quartz schema version {found}, newer than this release knows ({CurrentVersion}): upgrade this worker"));
            }

            if (found < 1)
            {
                foreach (var statement in Version1Statements())
                {
                    await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
                }
            }

            if (found < 2)
            {
                await ExecuteAsync(connection, AppliedFeedList.CreateTable, cancellationToken).ConfigureAwait(false);
            }

            if (found < CurrentVersion)
            {
                await ExecuteAsync(connection,
                    "INSERT INTO feedharvester_schema (component, version) VALUES (@component, @version) ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version",
                    cancellationToken, ("component", Component), ("version", CurrentVersion)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return found;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new ClusterDatabaseException(ClusterDatabaseFault.Unreachable,
                $"the cluster database {ClusterDatabase.Describe(connectionString)} could not be prepared: {ex.Message}", ex);
        }
    }

    /// <summary>Quartz's script, split where it marks statements apart, with the table prefix filled in.</summary>
    internal static IReadOnlyList<string> Version1Statements()
    {
        using var stream = typeof(ClusterSchema).Assembly.GetManifestResourceStream("FeedHarvester.Worker.Clustering.Schema.quartz_tables_postgres.sql")
            ?? throw new InvalidOperationException("the Quartz schema script is not embedded in the worker");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();
        return script
            .Split(StatementSeparator + "\n", StringSplitOptions.None)
            .Select(s => s.Replace("{0}", ClusterDefaults.TablePrefix, StringComparison.Ordinal).Replace("{1}", ClusterDefaults.TablePrefix, StringComparison.Ordinal))
            .Where(s => s.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .ToList();
    }

    private static async Task<int> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM feedharvester_schema WHERE component = @component", connection);
        _ = command.Parameters.AddWithValue("component", Component);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int version ? version : 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            _ = command.Parameters.AddWithValue(name, value);
        }

        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
