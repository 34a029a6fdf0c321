using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Reads each JSON configuration file with the configuration's own parser and reports one that does not parse, with its
/// line and column. The loader tells its providers to ignore such a file, so this is where it is seen, at start-up and
/// on every edit while the service runs.
/// </summary>
internal static class JsonFileCheck
{
    public static IEnumerable<ConfigurationProblem> Problems(IConfigurationRoot configuration)
    {
        foreach (var provider in configuration.Providers.OfType<JsonConfigurationProvider>())
        {
            var path = SourceNames.FilePath(provider.Source);
            if (Problem(path) is { } problem)
            {
                yield return new ConfigurationProblem(path, null, problem);
            }
        }
    }

    private static string? Problem(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"not readable: {ex.Message}";
        }

        using (stream)
        {
            try
            {
                new JsonConfigurationProvider(new JsonConfigurationSource()).Load(stream);
                return null;
            }
            catch (FormatException ex) when (ex.InnerException is JsonException json)
            {
                return $"not valid JSON at line {json.LineNumber + 1}, column {json.BytePositionInLine + 1}: {Reason(json)}";
            }
            catch (FormatException ex)
            {
                return $"not usable as configuration: {ex.Message}";
            }
        }
    }

    // System.Text.Json ends its message with the position, which the line already gives.
    private static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position > 0 ? message[..position] : message).TrimEnd('.', ' ');
    }
}
