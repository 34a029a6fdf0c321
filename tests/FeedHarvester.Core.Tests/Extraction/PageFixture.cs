using System.Text.Json;
using FeedHarvester.Extraction;

namespace FeedHarvester.Tests.Extraction;

/// <summary>One folder of TestData/pages: the source bytes and what the extractor must (not) produce.</summary>
internal sealed record PageFixture(string Slug, byte[] Source, string[] With, string[] Without, string? ExpectedText,
    JsonElement? Metadata)
{
    public static readonly Uri BaseUrl = new("https://news.example.com/2024/03/15/story.html");

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "pages");

    public HtmlPage Page(string? contentType = "text/html") => new(Source, contentType, BaseUrl);

    /// <summary>Every fixture folder, by name: a new folder is a new golden case without a line of code.</summary>
    public static IReadOnlyList<string> Slugs() =>
        Directory.GetDirectories(Root).Select(dir => Path.GetFileName(dir)).Order(StringComparer.Ordinal).ToList();

    public static bool Has(string slug, string file) => File.Exists(Path.Combine(Root, slug, file));

    public static PageFixture Load(string slug)
    {
        var dir = Path.Combine(Root, slug);
        var with = Array.Empty<string>();
        var without = Array.Empty<string>();
        var snippetsPath = Path.Combine(dir, "snippets.json");
        if (File.Exists(snippetsPath))
        {
            using var snippets = JsonDocument.Parse(File.ReadAllText(snippetsPath));
            with = Strings(snippets.RootElement, "with");
            without = Strings(snippets.RootElement, "without");
        }

        var expectedPath = Path.Combine(dir, "expected.txt");
        var metadataPath = Path.Combine(dir, "expected-metadata.json");
        JsonElement? metadata = File.Exists(metadataPath) ? JsonDocument.Parse(File.ReadAllText(metadataPath)).RootElement : null;
        return new PageFixture(slug, File.ReadAllBytes(Path.Combine(dir, "source.html")), with, without,
            File.Exists(expectedPath) ? File.ReadAllText(expectedPath).TrimEnd() : null, metadata);
    }

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
}
