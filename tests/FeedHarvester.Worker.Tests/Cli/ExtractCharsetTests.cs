using System.Text;
using System.Text.Json;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Cli;

/// <summary>Issue 14, item 4: a page declaring a charset that cannot be used still gives its line, and so do the others.</summary>
public sealed class ExtractCharsetTests
{
    [Fact]
    public async Task Extract_Utf7PageBetweenTwoOthers_PrintsThreeRecordsInOrder()
    {
        using var runner = new HarvestRunner();
        var files = new[] { ("a", "utf-8"), ("utf7", "utf-7"), ("b", "utf-8") }.Select(file =>
        {
            var paragraphs = string.Concat(Enumerable.Range(0, 4).Select(i =>
                $"<p>Paragraph {i} of story {file.Item1} tells, at length and with detail, what the council decided about the river crossing. +ADw-b+AD4-</p>"));
            var path = Path.Combine(runner.DataDirectory, file.Item1 + ".html");
            File.WriteAllText(path, $"<html><head><meta charset=\"{file.Item2}\"><title>{file.Item1}</title></head><body><article>{paragraphs}</article></body></html>", new UTF8Encoding(false));
            return path;
        }).ToArray();

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(["extract", .. files]);

        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var texts = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("content_text").GetString()).ToList();
        Assert.Contains("Paragraph 3 of story a ", texts[0], StringComparison.Ordinal);
        Assert.Contains("Paragraph 3 of story utf7 ", texts[1], StringComparison.Ordinal);
        Assert.Contains("+ADw-b+AD4-", texts[1], StringComparison.Ordinal);
        Assert.Contains("Paragraph 3 of story b ", texts[2], StringComparison.Ordinal);
    }
}
