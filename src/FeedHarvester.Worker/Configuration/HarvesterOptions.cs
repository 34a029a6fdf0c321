using System.ComponentModel.DataAnnotations;
using FeedHarvester.Deduplication;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using FeedHarvester.Settings;
using FeedHarvester.Worker.Clustering;
using FeedHarvester.Worker.Health;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// The section FeedHarvester, whole: every key the worker reads is a property here or below, so a key that is not is
/// unknown (an error), and <see cref="HarvesterOptionsValidator"/> checks every section in one pass.
/// </summary>
internal sealed class HarvesterOptions : IValidatableObject
{
    public const string SectionName = "FeedHarvester";

    /// <summary>
    /// Feeds listed in configuration, bound and checked entry by entry (a bad entry is skipped with a warning naming its
    /// index and URL). Taken whole from the one source with the highest precedence that lists any. Ignored when
    /// <see cref="FeedsFile"/> is set. The default is none, and then the built-in sample list is polled.
    /// </summary>
    public List<FeedOptions> Feeds { get; set; } = [];

    /// <summary>A feed list file: one URL a line (# comments) or OPML. Relative paths are from the working directory. The default value is none.</summary>
    public string? FeedsFile { get; set; }

    /// <summary>Where the embedded store keeps its state and output (section FeedHarvester:Storage).</summary>
    [ValidateObjectMembers(typeof(LocalStoreOptionsValidator))]
    public LocalStoreOptions Storage { get; set; } = new();

    [ValidateObjectMembers]
    public SchedulingOptions Scheduling { get; set; } = new();

    [ValidateObjectMembers]
    public FetchingOptions Fetching { get; set; } = new();

    [ValidateObjectMembers]
    public ExtractionOptions Extraction { get; set; } = new();

    [ValidateObjectMembers]
    public DeduplicationOptions Deduplication { get; set; } = new();

    [ValidateObjectMembers(typeof(RedisOptionsValidator))]
    public RedisOptions Redis { get; set; } = new();

    [ValidateObjectMembers]
    public ObservabilityOptions Observability { get; set; } = new();

    [ValidateObjectMembers]
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Rules between sections.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage.ReseedFromOutput && !string.IsNullOrWhiteSpace(Redis.Configuration))
        {
            yield return new ValidationResult(
                $"{OptionsPath.Of(validationContext, nameof(Storage))}.{nameof(LocalStoreOptions.ReseedFromOutput)}: applies to the embedded store only; " +
                $"Redis mode keeps its seen keys in Redis (Redis:Configuration is '{Redis.Configuration}')",
                [nameof(Storage)]);
        }

        // The cluster shares jobs through PostgreSQL and everything else (seen keys, feed state, the stream) through Redis.
        if (!string.IsNullOrWhiteSpace(Cluster.ConnectionString) && string.IsNullOrWhiteSpace(Redis.Configuration))
        {
            yield return new ValidationResult(
                $"{OptionsPath.Of(validationContext, nameof(Cluster))}.{nameof(ClusterOptions.ConnectionString)}: clustered mode needs Redis mode too " +
                "(FeedHarvester:Redis:Configuration or --redis): the workers of a cluster share seen keys, feed state and the stream there",
                [nameof(Cluster)]);
        }
    }
}
