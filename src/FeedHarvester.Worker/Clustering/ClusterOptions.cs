using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;
using Npgsql;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Clustered mode. Section FeedHarvester:Cluster; the mode is on when <see cref="ConnectionString"/> is set. Quartz then keeps
/// every feed's job and trigger in PostgreSQL, shared by every worker of the cluster, so each poll fires on exactly one of
/// them and a dead worker's feeds move on. Redis stays the store of seen keys, feed state and the stream: the cluster needs both.
/// </summary>
internal sealed class ClusterOptions : IValidatableObject
{
    /// <summary>An Npgsql connection string, e.g. "Host=127.0.0.1;Port=5432;Database=feedharvester;Username=…". The default is none (no cluster).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How often each worker records in the database that it is alive. The default value is 10 seconds.
    /// </summary>
    [DurationRange("1s", "10m")]
    public TimeSpan CheckInInterval { get; set; } = ClusterDefaults.CheckInInterval;

    /// <summary>
    /// How long past a missed check-in the others wait before they take a worker for dead and run its interrupted polls
    /// again: a killed worker's feeds are polled again after at most <see cref="CheckInInterval"/> plus this. Longer than a
    /// worker's worst pause (a garbage collection, a database failover), or a live worker's polls are taken over. The
    /// default value is 20 seconds.
    /// </summary>
    [DurationRange("1s", "1h")]
    public TimeSpan CheckInMisfireThreshold { get; set; } = ClusterDefaults.CheckInMisfireThreshold;

    /// <summary>
    /// A poll this late (every worker busy, or the cluster down) counts as missed and runs at once when a worker is free,
    /// rather than waiting its turn among on-time polls. The default value is 1 minute.
    /// </summary>
    [DurationRange("1s", "1d")]
    public TimeSpan MisfireThreshold { get; set; } = ClusterDefaults.MisfireThreshold;

    /// <summary>A connection string Npgsql can read, naming a host.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConnectionStringProblem() is { } problem)
        {
            yield return OptionsPath.Error(validationContext, nameof(ConnectionString), problem);
        }
    }

    private string? ConnectionStringProblem()
    {
        if (ConnectionString is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return "must name a PostgreSQL server, e.g. \"Host=127.0.0.1;Database=feedharvester;Username=feedharvester\", or be left unset for no cluster";
        }

        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(ConnectionString).Host)
                ? $"names no Host: \"{ClusterDatabase.Describe(ConnectionString)}\""
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"is not a valid Npgsql connection string: {ex.Message}";
        }
    }
}
