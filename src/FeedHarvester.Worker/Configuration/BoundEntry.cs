namespace FeedHarvester.Worker.Configuration;

/// <summary>One record of a list option: its index as configured, the bound record, and what could not be read in it.</summary>
/// <param name="Source">Where the list came from (every entry of a list comes from one source).</param>
internal sealed record BoundEntry(int Index, string Key, object Value, IReadOnlyList<ConfigurationProblem> Problems, string Source);
