namespace FeedHarvester.Worker.Cli;

/// <summary>What <c>status</c> was asked: the configuration file, command-line overrides and the output form.</summary>
internal sealed record StatusRequest(string? ConfigFile, IReadOnlyDictionary<string, string?> Overrides, bool Json = false);
