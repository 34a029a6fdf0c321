namespace FeedHarvester.Worker.Cli;

/// <summary>What <c>status</c> was asked: the configuration file, command-line overrides and the output form.</summary>
internal sealed record StatusRequest(string? ConfigFile, IReadOnlyDictionary<string, string?> Overrides, bool Json = false)
{
    /// <summary>Only feeds that are failing, broken or gone (<c>--failing</c>).</summary>
    public bool FailingOnly { get; init; }

    /// <summary>Also stored feeds the feed list no longer names (<c>--all</c>).</summary>
    public bool All { get; init; }
}
