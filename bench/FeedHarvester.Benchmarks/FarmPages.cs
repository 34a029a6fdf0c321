using System.Text.Json;

namespace FeedHarvester.Benchmarks;

/// <summary>The article pages of a newsfarm universe: every URL its truth.jsonl names, with the file that serves it.</summary>
internal static class FarmPages
{
    /// <summary>The pages in truth order, or null (with the reason written to stderr) when the folder is not a universe.</summary>
    public static List<(Uri Url, byte[] Body)>? Load(string farmDir, int limit = int.MaxValue)
    {
        var truth = Path.Combine(farmDir, "truth.jsonl");
        if (!File.Exists(truth))
        {
            Console.Error.WriteLine($"{truth}: not found (expected a newsfarm universe folder)");
            return null;
        }

        var pages = new List<(Uri, byte[])>();
        foreach (var line in File.ReadLines(truth))
        {
            if (pages.Count >= limit)
            {
                break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            using var record = JsonDocument.Parse(line);
            if (!record.RootElement.TryGetProperty("url", out var url) || url.GetString() is not { } address)
            {
                continue;
            }

            var uri = new Uri(address);
            var file = Path.Combine(farmDir, uri.AbsolutePath.TrimStart('/'));
            if (File.Exists(file))
            {
                pages.Add((uri, File.ReadAllBytes(file)));
            }
        }

        if (pages.Count == 0)
        {
            Console.Error.WriteLine($"{truth}: names no article page found under {farmDir}");
            return null;
        }

        return pages;
    }
}
