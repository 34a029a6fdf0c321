using System.IO.Compression;
using System.Text.Json;

namespace FeedHarvester.Benchmarks;

/// <summary>The shared DEV pages (../shared/data/article-extraction next to the folder holding FeedHarvester.sln).</summary>
public static class DevPages
{
    /// <summary>Environment variable naming the pages folder; wins over the search from the current directory.</summary>
    public const string DirectoryVariable = "FEEDHARVESTER_PAGES";

    public sealed record Page(string Id, Uri Url, byte[] Body);

    public static IReadOnlyList<Page> Load(string? dataDir = null)
    {
        dataDir ??= FindDirectory();
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dataDir, "ground-truth.json")));
        var pages = new List<Page>();
        foreach (var entry in truth.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var url = new Uri(entry.Value.GetProperty("url").GetString()!);
            pages.Add(new Page(entry.Name, url, Gunzip(Path.Combine(dataDir, "html", entry.Name + ".html.gz"))));
        }

        return pages;
    }

    public static string FindDirectory()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FeedHarvester.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "article-extraction"));
                }
            }
        }

        throw new DirectoryNotFoundException(
            "FeedHarvester.sln not found above the current directory; set FEEDHARVESTER_PAGES to the pages folder.");
    }

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
