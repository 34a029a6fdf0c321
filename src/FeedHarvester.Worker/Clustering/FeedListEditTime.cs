using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// When this worker's feed list was last edited, as far as the worker can tell: the feeds file's last write when the list
/// comes from one (FeedHarvester:FeedsFile, --feeds), otherwise the newest last write of the configuration files, and for a
/// list from environment variables or the command line alone, the moment this worker started.
/// </summary>
internal sealed class FeedListEditTime(IConfigurationRoot configuration, TimeProvider timeProvider)
{
    private readonly DateTimeOffset _started = timeProvider.GetUtcNow();

    public DateTimeOffset Current()
    {
        if (configuration[FeedListResolver.FeedsFileKey] is { Length: > 0 } feedsFile)
        {
            return LastWrite(feedsFile) ?? _started;
        }

        var files = configuration.Providers
            .OfType<FileConfigurationProvider>()
            .Select(p => p.Source.FileProvider?.GetFileInfo(p.Source.Path ?? string.Empty))
            .Where(f => f is { Exists: true })
            .Select(f => f!.LastModified.ToUniversalTime())
            .ToList();
        return files.Count > 0 ? files.Max() : _started;
    }

    private static DateTimeOffset? LastWrite(string path)
    {
        try
        {
            return File.Exists(path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
