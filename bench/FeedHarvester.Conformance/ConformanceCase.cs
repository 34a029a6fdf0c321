using System.Text.Json;

namespace FeedHarvester.Conformance;

/// <summary>One line of cases.jsonl: a document, how it was served, and the facts it must yield.</summary>
internal sealed record ConformanceCase(
    string Id,
    string File,
    string Source,
    IReadOnlyDictionary<string, JsonElement> Expect,
    IReadOnlyDictionary<string, string> HttpHeaders,
    string? DocumentUrl)
{
    /// <summary>"tests/wellformed/atom10/x.xml" → "wellformed/atom10"; "tests/entities/x.xml" → "entities".</summary>
    public string Group
    {
        get
        {
            var parts = Source.Split('/');
            return string.Join('/', parts[1..^1]);
        }
    }

    public string? Header(string name) =>
        HttpHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static ConformanceCase FromJson(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var expect = root.GetProperty("expect").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var headers = root.TryGetProperty("http_headers", out var h)
            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty)
            : new Dictionary<string, string>();
        var url = root.TryGetProperty("document_url", out var u) ? u.GetString() : null;
        return new ConformanceCase(
            root.GetProperty("id").GetString()!, root.GetProperty("file").GetString()!, root.GetProperty("source").GetString()!,
            expect, headers, url);
    }
}
