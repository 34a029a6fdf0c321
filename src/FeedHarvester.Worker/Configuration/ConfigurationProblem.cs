namespace FeedHarvester.Worker.Configuration;

/// <summary>One thing wrong with the configuration: the key, where it was set (when anywhere) and what is wrong, as one line.</summary>
/// <param name="Key">The full key, FeedHarvester:Fetching:Timeout (a file path and line for a feed list entry).</param>
/// <param name="Source">A file's path, "environment variable NAME" or "command line"; null for a default.</param>
internal sealed record ConfigurationProblem(string Key, string? Source, string Message)
{
    public override string ToString() => Source is null ? $"{Key}: {Message}" : $"{Key} ({Source}): {Message}";
}
