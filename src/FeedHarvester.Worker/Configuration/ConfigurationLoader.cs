using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Builds configuration in its documented order: appsettings.json (beside the program, then the working
/// directory, or the one --config names), then environment variables (FeedHarvester__Fetching__Timeout),
/// then command-line options, each later source winning.
/// </summary>
internal static class ConfigurationLoader
{
    public const string FileName = "appsettings.json";

    /// <param name="reloadOnChange">Watch the JSON files, so a running service sees edits (its feed list above all).</param>
    /// <exception cref="FileNotFoundException"><paramref name="configFile"/> is given and does not exist.</exception>
    public static IConfigurationRoot Load(string? configFile, IReadOnlyDictionary<string, string?> commandLineOverrides, bool reloadOnChange = false)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is null)
        {
            var besideProgram = Path.Combine(AppContext.BaseDirectory, FileName);
            AddJsonFile(builder, besideProgram, optional: true, reloadOnChange);
            var local = Path.GetFullPath(FileName);
            if (!string.Equals(local, besideProgram, StringComparison.Ordinal))
            {
                AddJsonFile(builder, local, optional: true, reloadOnChange);
            }
        }
        else
        {
            if (!File.Exists(configFile))
            {
                throw new FileNotFoundException($"configuration file '{Path.GetFullPath(configFile)}' does not exist (--config)", configFile);
            }

            AddJsonFile(builder, Path.GetFullPath(configFile), optional: false, reloadOnChange);
        }

        return builder
            .AddEnvironmentVariables()
            .AddInMemoryCollection(commandLineOverrides)
            .Build();
    }

    // A file that does not parse is reported by the settings loader (JsonFileCheck), with its line, among the other
    // errors. The provider must not throw meanwhile: at start-up that would be a stack trace, and when an edit breaks
    // the file under a running service it would be thrown on the file watcher's thread.
    private static void AddJsonFile(ConfigurationBuilder builder, string path, bool optional, bool reloadOnChange) =>
        _ = builder.Add<JsonConfigurationSource>(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.OnLoadException = context => context.Ignore = true;
            source.ResolveFileProvider();
        });
}
