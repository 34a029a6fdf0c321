namespace FeedHarvester.Worker.Cli;

/// <summary>How every command reports a configuration it cannot use: one line per error, a count, exit code 2.</summary>
internal static class ConfigurationErrors
{
    public static async Task<int> ReportAsync(TextWriter error, string prefix, IReadOnlyList<string> errors)
    {
        foreach (var line in errors)
        {
            await error.WriteLineAsync($"{prefix}: {line}").ConfigureAwait(false);
        }

        var count = errors.Count == 1 ? "1 configuration error" : $"{errors.Count} configuration errors";
        await error.WriteLineAsync($"{prefix}: {count}; nothing was done").ConfigureAwait(false);
        return RunCommand.InvalidConfigurationExitCode;
    }
}
