using System.CommandLine;
using FeedHarvester.Worker.Configuration;

namespace FeedHarvester.Worker.Cli;

/// <summary>The configuration of the debugging commands (parse, extract): the sources and checks of run, without the feed list.</summary>
internal static class ToolOptions
{
    public static Option<string?> ConfigOption() =>
        new("--config") { Description = "Configuration file (default: appsettings.json beside the program and in the working directory)." };

    /// <summary>The options (and the proxy they select), or null after reporting why they cannot be used (one line per error).</summary>
    public static async Task<SettingsResult?> LoadAsync(string command, string? configFile)
    {
        var prefix = "feedharvester " + command;
        SettingsResult loaded;
        try
        {
            loaded = SettingsLoader.Load(ConfigurationLoader.Load(configFile, new Dictionary<string, string?>()), withFeeds: false);
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"{prefix}: {ex.Message}").ConfigureAwait(false);
            return null;
        }

        if (loaded.Errors.Count > 0)
        {
            _ = await ConfigurationErrors.ReportAsync(Console.Error, prefix, loaded.Errors).ConfigureAwait(false);
            return null;
        }

        return loaded;
    }
}
