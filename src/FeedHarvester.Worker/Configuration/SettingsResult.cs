using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// What <see cref="SettingsLoader.Load"/> found: the settings when nothing is wrong, the options as bound either way
/// (a command that only reads the store can still use them), and one line per error, skipped feed and note.
/// </summary>
internal sealed record SettingsResult(
    HarvesterSettings? Settings,
    HarvesterOptions Options,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> SkippedFeeds,
    IReadOnlyList<string> Notes)
{
    /// <summary>The feeds the list resolved to, also when other options are invalid (<c>feeds list</c> still shows them).</summary>
    public IReadOnlyList<FeedHarvester.Feeds.FeedDefinition> Feeds { get; init; } = [];

    /// <summary>The proxy the options and the environment select (direct when they are invalid).</summary>
    public FeedHarvester.Fetching.ProxySelection Proxy { get; init; } = FeedHarvester.Fetching.ProxySelection.None;

    /// <summary>The settings and the errors, as the callers of the former validator took them.</summary>
    public void Deconstruct(out HarvesterSettings? settings, out IReadOnlyList<string> errors)
    {
        settings = Settings;
        errors = Errors;
    }
}
