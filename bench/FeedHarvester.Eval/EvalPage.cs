using System.IO.Compression;
using System.Text.Json;

namespace FeedHarvester.Eval;

/// <summary>
/// One page of a data folder and its ground truth. The metadata fields are those of folders that annotate them
/// (WCXB); a folder without them leaves them null and <see cref="HasMetadata"/> false.
/// </summary>
public sealed record EvalPage(string Id, string Url, string Body, string PageType, string? Title, string? Author,
    string? PublishDate, bool HasMetadata)
{
    /// <summary>The page type of folders that do not name one (the news pages).</summary>
    public const string DefaultType = "article";

    /// <summary>Reads ground-truth.json of <paramref name="dataDir"/>, ordered by id.</summary>
    public static List<EvalPage> Load(string truthPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        return json.RootElement.EnumerateObject()
            .Select(p => FromJson(p.Name, p.Value))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    public byte[] ReadHtml(string dataDir)
    {
        using var file = File.OpenRead(Path.Combine(dataDir, "html", Id + ".html.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    private static EvalPage FromJson(string id, JsonElement value)
    {
        var hasMetadata = value.TryGetProperty("title", out _);
        return new EvalPage(
            id,
            value.GetProperty("url").GetString()!,
            value.GetProperty("articleBody").GetString() ?? "",
            Text(value, "page_type") ?? DefaultType,
            Text(value, "title"),
            Text(value, "author"),
            Text(value, "publish_date"),
            hasMetadata);
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String &&
        !string.IsNullOrWhiteSpace(property.GetString())
            ? property.GetString()
            : null;
}
