using System.Text;
using System.Text.Json;
using FeedHarvester.Tests.Support;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Tests.Cli;

/// <summary>Issue 18: `extract` gives a page's metadata also when no body is found, and says where the date came from.</summary>
public sealed class ExtractMetadataTests
{
    [Fact]
    public async Task Extract_PageWithoutTextAndAnUndatedPage_MetadataKeptAndDateSourceNamed()
    {
        using var runner = new HarvestRunner();
        var empty = Path.Combine(runner.DataDirectory, "empty.html");
        File.WriteAllText(empty, "<html lang='fr'><head><title>Horaires d'ouverture de la mairie | Mairie</title><meta name='author' content='par Jeanne Dupont'>" +
                                 "<meta property='article:published_time' content='2025-05-30T08:00:00Z'></head><body><div><img src='a.png'></div></body></html>",
            new UTF8Encoding(false));
        var undated = Path.Combine(runner.DataDirectory, "undated.html");
        var paragraphs = string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"<p>Paragraph {i} tells, at length and with detail, what the council decided about the river crossing.</p>"));
        File.WriteAllText(undated, $"<html><head><title>River crossing</title></head><body><article>{paragraphs}</article></body></html>", new UTF8Encoding(false));

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(["extract", empty, undated]);

        Assert.True(exitCode == 0, stderr);
        var records = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(2, records.Count);
        records.ForEach(ArticleRecordSchema.AssertValid);
        var first = records[0];
        Assert.Equal(("Horaires d'ouverture de la mairie", "Jeanne Dupont", "fr"),
            (first.GetProperty("title").GetString(), first.GetProperty("author").GetString(), first.GetProperty("language").GetString()));
        Assert.Equal("2025-05-30T08:00:00.000Z", first.GetProperty("published").GetString());
        Assert.Equal("meta", first.GetProperty("extraction").GetProperty("published_from").GetString());
        Assert.StartsWith("no_article_text:", first.GetProperty("extraction").GetProperty("fallback_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("none", records[1].GetProperty("extraction").GetProperty("published_from").GetString());
    }
}
