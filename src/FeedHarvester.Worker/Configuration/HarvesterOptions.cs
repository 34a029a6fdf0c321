using System.ComponentModel.DataAnnotations;

namespace FeedHarvester.Worker.Composition;

/// <summary>The root section FeedHarvester: which feeds, and where state and output live.</summary>
public sealed class HarvesterOptions
{
    public const string SectionName = "FeedHarvester";

    /// <summary>Feeds listed in configuration. Ignored when <see cref="FeedsFile"/> is set. The default is a handful of public news feeds.</summary>
    public List<FeedOptions> Feeds { get; set; } = [];

    /// <summary>A feed list file: one URL a line (# comments) or OPML. Relative paths are from the working directory. The default value is none.</summary>
    public string? FeedsFile { get; set; }

    /// <summary>Where the embedded store keeps its state and output.</summary>
    public StorageOptions Storage { get; set; } = new();
}

/// <summary>One feed in configuration.</summary>
public sealed class FeedOptions
{
    [Required]
    public string? Url { get; set; }

    /// <summary>This feed's poll interval; the default is Scheduling:DefaultInterval.</summary>
    public TimeSpan? Interval { get; set; }

    public string? Title { get; set; }

    public string? Category { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The User-Agent sent for this feed; the default is Fetching:UserAgent.</summary>
    public string? UserAgent { get; set; }
}

/// <summary>Section FeedHarvester:Storage.</summary>
public sealed class StorageOptions
{
    /// <summary>State (feedharvester.db) and, by default, output (articles.jsonl). The default value is ./data.</summary>
    public string DataDirectory { get; set; } = Local.LocalStoreDefaults.DataDirectory;

    /// <summary>The JSON-lines output file. The default value is DataDirectory/articles.jsonl.</summary>
    public string? OutputPath { get; set; }

    /// <summary>How long seen keys are kept before the service purges them. The default value is 90 days.</summary>
    public TimeSpan SeenKeyRetention { get; set; } = Local.LocalStoreDefaults.SeenKeyRetention;

    /// <summary>
    /// A new (lost) database beside an output that holds records rebuilds the seen keys from the output instead of
    /// refusing to start (<c>--reseed-from-output</c>). Embedded store only. The default value is false.
    /// </summary>
    public bool ReseedFromOutput { get; set; }
}
