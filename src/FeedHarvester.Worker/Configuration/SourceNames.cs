using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace FeedHarvester.Worker.Configuration;

/// <summary>Where a key came from, in the operator's terms: a file's full path, an environment variable's own name, the command line.</summary>
internal static class SourceNames
{
    public static string Describe(IConfigurationProvider provider, string path) => provider switch
    {
        JsonConfigurationProvider json => FilePath(json.Source),
        EnvironmentVariablesConfigurationProvider => "environment variable " + VariableName(path),
        MemoryConfigurationProvider => "command line",
        _ => provider.ToString() ?? provider.GetType().Name,
    };

    /// <summary>True for a source whose keys are written as environment variable names.</summary>
    public static bool IsEnvironment(IConfigurationProvider? provider) => provider is EnvironmentVariablesConfigurationProvider;

    /// <summary>The full path of a JSON source's file.</summary>
    public static string FilePath(FileConfigurationSource source) =>
        source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider physical
            ? Path.Combine(physical.Root, source.Path ?? string.Empty)
            : source.Path ?? string.Empty;

    /// <summary>A key as an environment variable name: FeedHarvester:Fetching:Timeout is FeedHarvester__Fetching__Timeout.</summary>
    public static string AsVariable(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The variable as it is set (case and all): the one whose name reads as the path, or the first one under it for a section.</summary>
    public static string VariableName(string path)
    {
        string? under = null;
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            if (string.Equals(key, path, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }

            if (key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase) && (under is null || string.CompareOrdinal(name, under) < 0))
            {
                under = name;
            }
        }

        return under ?? AsVariable(path);
    }
}
