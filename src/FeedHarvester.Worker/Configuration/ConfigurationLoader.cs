using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Worker.Composition;

/// <summary>
/// Builds configuration in its documented order: appsettings.json (beside the program, then the working
/// directory, or the one --config names), then environment variables (FeedHarvester__Fetching__Timeout),
/// then command-line options, each later source winning.
/// </summary>
public static class ConfigurationLoader
{
    public const string FileName = "appsettings.json";

    /// <param name="reloadOnChange">Watch the JSON files, so a running service sees edits (its feed list above all).</param>
    public static IConfigurationRoot Load(string? configFile, IReadOnlyDictionary<string, string?> commandLineOverrides, bool reloadOnChange = false)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is null)
        {
            _ = builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true, reloadOnChange: reloadOnChange);
            var local = Path.GetFullPath(FileName);
            if (!string.Equals(local, Path.Combine(AppContext.BaseDirectory, FileName), StringComparison.Ordinal))
            {
                _ = builder.AddJsonFile(local, optional: true, reloadOnChange: reloadOnChange);
            }
        }
        else
        {
            if (!File.Exists(configFile))
            {
                throw new FileNotFoundException($"configuration file '{configFile}' does not exist", configFile);
            }

            _ = builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: reloadOnChange);
        }

        return builder
            .AddEnvironmentVariables()
            .AddInMemoryCollection(commandLineOverrides)
            .Build();
    }
}
